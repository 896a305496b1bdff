package dev.migrator.aws;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Optional;
import java.util.function.UnaryOperator;
import java.util.zip.CRC32;
import software.amazon.awssdk.core.SdkClient;
import software.amazon.awssdk.core.exception.Crc32MismatchException;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttribute;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.http.SdkHttpRequest;
import software.amazon.awssdk.http.SdkHttpResponse;

/**
 * Lets one request send a body of the caller's own instead of the marshalled one, and lets the caller take a
 * successful response's body before the SDK reads it; each asked for by an execution attribute on that request,
 * every other request passes untouched. The SDK still signs (over the swapped body), sends, and reads the rest: a
 * DynamoDB copy uses it to move items as DynamoDB's own JSON, never rebuilt as objects in between.
 *
 * <p>A response's {@code x-amz-crc32} is checked here, on the body as it came, before the caller sees it (the SDK would
 * otherwise check it against the body the caller left). A compressed response is left to the SDK: the caller then
 * finds its filter was never applied.
 */
public final class BodySwap implements ExecutionInterceptor {
    /** Sent instead of the marshalled body: JSON that must say what the request's own fields would. */
    public static final ExecutionAttribute<byte[]> REQUEST_BODY = new ExecutionAttribute<>("migrator.swap.requestBody");
    /** Given a successful response's whole body, returns the body the SDK reads instead. */
    public static final ExecutionAttribute<UnaryOperator<byte[]>> RESPONSE_BODY = new ExecutionAttribute<>("migrator.swap.responseBody");
    private static final ExecutionAttribute<Long> EXPECTED_CRC32 = new ExecutionAttribute<>("migrator.swap.crc32");
    private static final ExecutionAttribute<Boolean> TAKING = new ExecutionAttribute<>("migrator.swap.taking");
    private static final String CRC32_HEADER = "x-amz-crc32";

    /** Whether {@code client} was built with this interceptor (else a request's attributes would go unheeded). */
    public static boolean isOn(SdkClient client) {
        return client.serviceClientConfiguration().overrideConfiguration().executionInterceptors().stream().anyMatch(BodySwap.class::isInstance);
    }

    @Override
    public SdkHttpRequest modifyHttpRequest(Context.ModifyHttpRequest context, ExecutionAttributes attributes) {
        byte[] body = attributes.getAttribute(REQUEST_BODY);
        return body == null ? context.httpRequest()
                : context.httpRequest().toBuilder().putHeader("Content-Length", Integer.toString(body.length)).build();
    }

    @Override
    public Optional<RequestBody> modifyHttpContent(Context.ModifyHttpRequest context, ExecutionAttributes attributes) {
        byte[] body = attributes.getAttribute(REQUEST_BODY);
        return body == null ? context.requestBody()
                : Optional.of(RequestBody.fromContentProvider(() -> new ByteArrayInputStream(body), body.length,
                "application/x-amz-json-1.0"));
    }

    /** Decides, per attempt, whether this response's body is taken: a success, not compressed. */
    @Override
    public SdkHttpResponse modifyHttpResponse(Context.ModifyHttpResponse context, ExecutionAttributes attributes) {
        SdkHttpResponse response = context.httpResponse();
        boolean taking = attributes.getAttribute(RESPONSE_BODY) != null && response.isSuccessful()
                && response.firstMatchingHeader("Content-Encoding").map(e -> e.isBlank() || e.equalsIgnoreCase("identity")).orElse(true);
        attributes.putAttribute(TAKING, taking);
        if (!taking) {
            return response;
        }
        Optional<String> crc = response.firstMatchingHeader(CRC32_HEADER);
        attributes.putAttribute(EXPECTED_CRC32, crc.map(Long::parseLong).orElse(null));
        return crc.isEmpty() ? response : response.toBuilder().removeHeader(CRC32_HEADER).build();
    }

    @Override
    public Optional<InputStream> modifyHttpResponseContent(Context.ModifyHttpResponse context, ExecutionAttributes attributes) {
        if (!Boolean.TRUE.equals(attributes.getAttribute(TAKING)) || context.responseBody().isEmpty()) {
            return context.responseBody();
        }
        byte[] body;
        try (InputStream in = context.responseBody().get()) {
            body = in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException("reading the response body", e);
        }
        Long expected = attributes.getAttribute(EXPECTED_CRC32);
        if (expected != null) {
            CRC32 crc = new CRC32();
            crc.update(body);
            if (crc.getValue() != expected) {
                throw Crc32MismatchException.builder().message("Expected " + expected + " as the Crc32 checksum but the actual "
                        + "calculated checksum was " + crc.getValue()).build();
            }
        }
        return Optional.of(new ByteArrayInputStream(attributes.getAttribute(RESPONSE_BODY).apply(body)));
    }
}
