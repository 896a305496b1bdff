package dev.migrator.aws;

import dev.migrator.bucket.BucketGateway;
import dev.migrator.table.TableGateway;
import dev.migrator.userpool.UserPoolGateway;

/** The gateways of one stack; the engine sees these, never an SDK client. */
public interface StackGateways extends AutoCloseable {

    String region();

    TableGateway tables();

    BucketGateway buckets();

    UserPoolGateway userPools();

    @Override
    void close();
}
