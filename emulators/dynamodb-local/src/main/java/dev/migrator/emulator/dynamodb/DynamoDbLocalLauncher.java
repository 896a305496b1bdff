package dev.migrator.emulator.dynamodb;

import com.amazonaws.services.dynamodbv2.local.main.ServerRunner;
import com.amazonaws.services.dynamodbv2.local.server.DynamoDBProxyServer;

/**
 * Starts DynamoDB Local (telemetry off) and prints {@code READY <port>}: in memory, or with a data
 * directory kept on disk (one shared database), so a server killed and started again on it still holds
 * its tables, as a restarted service would. Exits when its standard input closes, so it never outlives
 * the process that started it. Arguments: port [data directory].
 */
public final class DynamoDbLocalLauncher {
    private DynamoDbLocalLauncher() {}

    public static void main(String[] args) throws Exception {
        String port = args[0];
        String[] storage = args.length > 1 ? new String[] {"-dbPath", args[1], "-sharedDb"} : new String[] {"-inMemory"};
        String[] options = new String[storage.length + 3];
        System.arraycopy(storage, 0, options, 0, storage.length);
        System.arraycopy(new String[] {"-port", port, "-disableTelemetry"}, 0, options, storage.length, 3);
        DynamoDBProxyServer server = ServerRunner.createServerFromCommandLineArgs(options);
        server.start();
        System.out.println("READY " + port);
        System.out.flush();
        while (System.in.read() >= 0) {
            // drain until the parent goes away
        }
        server.stop();
        System.exit(0);
    }
}
