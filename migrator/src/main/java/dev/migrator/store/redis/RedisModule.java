package dev.migrator.store.redis;

import dev.migrator.aws.AwsService;
import dev.migrator.engine.Step;
import dev.migrator.engine.StepId;
import dev.migrator.engine.StoreModule;
import dev.migrator.model.MigrationSchema;
import dev.migrator.model.RedisEndpoint;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.function.UnaryOperator;

/**
 * Redis databases (ElastiCache, MemoryDB, self-run): one {@link RedisStep} per redis pair of the schema. Redis is
 * not an AWS service call, so no stack is probed for it; each pair names its own servers.
 */
public final class RedisModule implements StoreModule {
    public static final StepId.Kind KIND = new StepId.Kind("REDIS", "redis", "redis", "Redis database", "key(s)");
    private final UnaryOperator<String> environment;

    public RedisModule() {
        this(System::getenv);
    }

    /** {@code environment}: where passwords named by passwordEnv are looked up. */
    public RedisModule(UnaryOperator<String> environment) {
        this.environment = environment;
    }

    @Override
    public StepId.Kind kind() {
        return KIND;
    }

    @Override
    public Optional<AwsService> service() {
        return Optional.empty();
    }

    @Override
    public List<Step> steps(MigrationSchema schema, Stacks stacks) {
        Path directory = schema.file().toAbsolutePath().getParent();
        int connections = schema.options().concurrency() + 2;
        return schema.redis().stream().map(pair -> (Step) new RedisStep(pair, schema.options(),
                gateway(pair.source(), directory, connections), gateway(pair.target(), directory, connections),
                stacks.targetsHoldCopy())).toList();
    }

    private RedisGateway gateway(RedisEndpoint endpoint, Path directory, int connections) {
        return new JedisRedisGateway(new RedisConnection(endpoint, directory, environment, connections));
    }
}
