package dev.migrator.emulator.dynamodb;

import com.amazonaws.services.dynamodbv2.local.main.ServerRunner;
import com.amazonaws.services.dynamodbv2.local.server.DynamoDBProxyServer;

/**
 * Starts DynamoDB Local (in memory, telemetry off) and prints {@code READY <port>}.
 * Exits when its standard input closes, so it never outlives the process that started it.
 * Arguments: port.
 */
public final class DynamoDbLocalLauncher {
    private DynamoDbLocalLauncher() {}

    public static void main(String[] args) throws Exception {
        String port = args[0];
        DynamoDBProxyServer server = ServerRunner.createServerFromCommandLineArgs(
                new String[] {"-inMemory", "-port", port, "-disableTelemetry"});
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
