package dev.migrator.aws;

import dev.migrator.bucket.BucketGateway;
import dev.migrator.bucket.SdkBucketGateway;
import dev.migrator.table.SdkTableGateway;
import dev.migrator.table.TableGateway;
import dev.migrator.userpool.SdkUserPoolGateway;
import dev.migrator.userpool.UserPoolGateway;

/** {@link StackGateways} backed by one stack's SDK clients, each created on first use. */
public final class SdkStackGateways implements StackGateways {
    private final StackClients clients;

    public SdkStackGateways(StackClients clients) {
        this.clients = clients;
    }

    @Override
    public String region() {
        return clients.stack().region();
    }

    @Override
    public TableGateway tables() {
        return new SdkTableGateway(clients.dynamoDb());
    }

    @Override
    public BucketGateway buckets() {
        String service = clients.endpoints().resolve(clients.stack(), AwsService.S3).map(java.net.URI::toString)
                .orElseGet(() -> "aws partition " + partition(clients.stack().region()));
        return new SdkBucketGateway(clients.s3(), service);
    }

    /** Server-side copies work across regions but not across partitions. */
    private static String partition(String region) {
        if (region.startsWith("cn-")) {
            return "aws-cn";
        }
        return region.startsWith("us-gov-") ? "aws-us-gov" : "aws";
    }

    @Override
    public UserPoolGateway userPools() {
        return new SdkUserPoolGateway(clients.cognito());
    }

    /** Checks credentials, the given services and the account of this stack once, read-only. */
    public StackAccess probe(java.util.Set<AwsService> services) {
        return new StackProbe(clients).probe(services);
    }

    @Override
    public void close() {
        clients.close();
    }
}
