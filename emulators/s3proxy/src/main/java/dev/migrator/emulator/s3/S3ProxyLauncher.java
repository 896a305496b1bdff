package dev.migrator.emulator.s3;

import com.google.common.jimfs.Configuration;
import com.google.common.jimfs.Jimfs;
import java.net.URI;
import org.gaul.s3proxy.S3Proxy;
import org.gaul.s3proxy.auth.AuthenticationType;
import org.gaul.s3proxy.nio2blob.AbstractNio2BlobStore;
import org.gaul.s3proxy.nio2blob.TransientNio2BlobStore;

/**
 * Starts S3Proxy on 127.0.0.1 with an in-memory blob store and prints {@code READY <port>}.
 * Exits when its standard input closes, so it never outlives the process that started it.
 * Arguments: port, access key, secret key [, store bytes, block bytes].
 *
 * <p>The in-memory store is a Jimfs file system of 4 GiB in blocks of 8 KiB by default, so it holds at most 524,288
 * objects however small; with a size and a block size it is one of those (the benchmark's million objects).
 */
public final class S3ProxyLauncher {
    private S3ProxyLauncher() {}

    public static void main(String[] args) throws Exception {
        int port = Integer.parseInt(args[0]);
        S3Proxy proxy = S3Proxy.builder()
                .blobStore(args.length > 4 ? new SizedStore(Long.parseLong(args[3]), Integer.parseInt(args[4])) : new TransientNio2BlobStore())
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

    /** {@link TransientNio2BlobStore} with a file system of another size and block size. */
    private static final class SizedStore extends AbstractNio2BlobStore {
        SizedStore(long maxBytes, int blockBytes) {
            super(Jimfs.newFileSystem(Configuration.unix().toBuilder().setAttributeViews("posix", "user").setWorkingDirectory("/")
                    .setMaxSize(maxBytes).setBlockSize(blockBytes).build()).getPath("/"));
        }

        @Override
        public boolean supportsVersioning() {
            return true;
        }

        @Override
        public boolean supportsServerSideEncryption() {
            return true;
        }

        @Override
        public boolean supportsBucketEncryption() {
            return true;
        }
    }
}
