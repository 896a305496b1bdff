package dev.migrator.emulator.s3;

import java.net.URI;
import org.gaul.s3proxy.auth.AuthenticationType;
import org.gaul.s3proxy.S3Proxy;
import org.gaul.s3proxy.nio2blob.TransientNio2BlobStore;

/**
 * Starts S3Proxy on 127.0.0.1 with an in-memory blob store and prints {@code READY <port>}.
 * Exits when its standard input closes, so it never outlives the process that started it.
 * Arguments: port, access key, secret key.
 */
public final class S3ProxyLauncher {
    private S3ProxyLauncher() {}

    public static void main(String[] args) throws Exception {
        int port = Integer.parseInt(args[0]);
        S3Proxy proxy = S3Proxy.builder()
                .blobStore(new TransientNio2BlobStore())
                .endpoint(URI.create("http://127.0.0.1:" + port))
                .awsAuthentication(AuthenticationType.AWS_V2_OR_V4, args[1], args[2])
                .build();
        proxy.start();
        while (!proxy.getState().equals("STARTED")) {
            Thread.sleep(10);
        }
        System.out.println("READY " + port);
        System.out.flush();
        while (System.in.read() >= 0) {
            // drain until the parent goes away
        }
        proxy.stop();
        System.exit(0);
    }
}
