package dev.migrator.store.userpool;

import dev.migrator.aws.AwsService;
import dev.migrator.engine.Step;
import dev.migrator.engine.StepId;
import dev.migrator.engine.StoreModule;
import dev.migrator.model.MigrationSchema;
import java.util.List;
import java.util.Optional;

/** Cognito user pools: one {@link UserPoolStep} per user pool pair; existing users are skipped or updated as configured. */
public final class UserPoolModule implements StoreModule {
    public static final StepId.Kind KIND = new StepId.Kind("USER_POOL", "user-pool", "userpool", "user pool", "user(s)");

    @Override
    public StepId.Kind kind() {
        return KIND;
    }

    @Override
    public Optional<AwsService> service() {
        return Optional.of(AwsService.COGNITO);
    }

    @Override
    public List<Step> steps(MigrationSchema schema, Stacks stacks) {
        if (schema.userPools().isEmpty()) {
            return List.of();
        }
        SdkUserPoolGateway source = new SdkUserPoolGateway(stacks.source().cognito());
        SdkUserPoolGateway target = new SdkUserPoolGateway(stacks.target().cognito());
        return schema.userPools().stream().map(pair -> (Step) new UserPoolStep(pair, schema.options(), source, target)).toList();
    }
}
