package dev.migrator.support;

import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.exception.SdkClientException;

/** One line for an AWS failure: the service's error code and message, never a credential. */
public final class AwsErrors {
    private AwsErrors() {}

    /** HTTP 403: the credentials are valid but not allowed (a policy or grant is missing). */
    public static boolean isAccessDenied(Throwable e) {
        return e instanceof AwsServiceException s && s.statusCode() == 403;
    }

    public static String describe(Throwable e) {
        if (e instanceof AwsServiceException s && s.awsErrorDetails() != null) {
            return s.awsErrorDetails().errorCode() + " (HTTP " + s.statusCode() + "): " + s.awsErrorDetails().errorMessage();
        }
        if (e instanceof SdkClientException && String.valueOf(e.getMessage()).startsWith("Unable to load credentials from any")) {
            return "none of the default credential chain's providers found credentials (environment variables, system "
                    + "properties, web identity token, profile file, container, instance metadata)";
        }
        if (e instanceof SdkClientException) {
            Throwable root = e;
            while (root.getCause() != null && root.getCause() != root) {
                root = root.getCause();
            }
            String message = String.valueOf(e.getMessage()).replaceFirst("^Unable to execute HTTP request: ", "")
                    .replaceAll(" \\(SDK Attempt Count: \\d+\\)", "");
            return message + (root != e ? " (" + root.getClass().getSimpleName() + ": " + root.getMessage() + ")" : "");
        }
        return e.getClass().getSimpleName() + ": " + e.getMessage();
    }
}
