package dev.migrator.bucket;

import java.util.Optional;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.ListObjectsV2Response;
import software.amazon.awssdk.services.s3.model.NoSuchBucketException;
import software.amazon.awssdk.services.s3.model.S3Object;

/** {@link BucketGateway} over the AWS SDK's S3 client. */
public final class SdkBucketGateway implements BucketGateway {
    private final S3Client client;

    public SdkBucketGateway(S3Client client) {
        this.client = client;
    }

    @Override
    public Optional<BucketInfo> describe(String bucket) {
        try {
            client.headBucket(r -> r.bucket(bucket));
        } catch (NoSuchBucketException e) {
            return Optional.empty();
        } catch (AwsServiceException e) {
            if (e.statusCode() == 404) {
                return Optional.empty();
            }
            throw e;
        }
        return Optional.of(new BucketInfo(bucket, versioning(bucket)));
    }

    private String versioning(String bucket) {
        try {
            String status = client.getBucketVersioning(r -> r.bucket(bucket)).statusAsString();
            return status == null ? "Disabled" : status;
        } catch (AwsServiceException e) {
            return "unknown (" + e.awsErrorDetails().errorCode() + ")";
        }
    }

    @Override
    public KeyListing firstKeys(String bucket, int limit) {
        ListObjectsV2Response page = client.listObjectsV2(r -> r.bucket(bucket).maxKeys(limit));
        return new KeyListing(page.contents().stream().map(S3Object::key).toList(), Boolean.TRUE.equals(page.isTruncated()));
    }
}
