package dev.migrator.support;

import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.exception.SdkClientException;

/** Which failures are worth another attempt: throttling, 5xx, and the network. */
public final class Retryable {
    private Retryable() {}

    public static boolean isRetryable(Throwable e) {
        if (e instanceof AwsServiceException s) {
            return s.isThrottlingException() || s.statusCode() >= 500
                    || (s.awsErrorDetails() != null && "RequestLimitExceeded".equals(s.awsErrorDetails().errorCode()));
        }
        return e instanceof SdkClientException || e instanceof TransientException;
    }

    /** The service asked us to slow down: SlowDown, Throttling, ProvisionedThroughputExceeded, TooManyRequests, 429. */
    public static boolean isThrottling(Throwable e) {
        return e instanceof AwsServiceException s && (s.isThrottlingException()
                || (s.awsErrorDetails() != null && "RequestLimitExceeded".equals(s.awsErrorDetails().errorCode())));
    }
}
