package dev.migrator.store.table;

import java.io.InputStream;
import java.util.Optional;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;

/** {@link ExportFiles} on the source stack's S3 client. */
final class SdkExportFiles implements ExportFiles {
    private final S3Client s3;

    SdkExportFiles(S3Client s3) {
        this.s3 = s3;
    }

    @Override
    public Optional<String> text(String bucket, String key) {
        try {
            return Optional.of(s3.getObjectAsBytes(r -> r.bucket(bucket).key(key)).asUtf8String());
        } catch (NoSuchKeyException e) {
            return Optional.empty();
        }
    }

    @Override
    public InputStream open(String bucket, String key) {
        return s3.getObject(r -> r.bucket(bucket).key(key));
    }
}
