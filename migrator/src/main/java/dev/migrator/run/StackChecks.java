package dev.migrator.run;

import dev.migrator.aws.AwsService;
import dev.migrator.aws.SdkStackGateways;
import dev.migrator.aws.StackAccess;
import dev.migrator.model.MigrationSchema;
import dev.migrator.plan.Plan;
import dev.migrator.plan.Preflight;
import dev.migrator.plan.PreflightRunner;
import dev.migrator.plan.Step;
import dev.migrator.plan.StepId;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Both stacks checked once (credentials, each service the schema uses, account) before the steps: a
 * failure every step would share is reported once per stack and service, and the steps that need it are
 * not asked again (their preflight says so, their verification is NOT VERIFIED with that reason).
 */
public record StackChecks(List<StackAccess> stacks) {

    public StackChecks {
        stacks = List.copyOf(stacks);
    }

    public static StackChecks probe(MigrationSchema schema, SdkStackGateways source, SdkStackGateways target) {
        Set<AwsService> services = EnumSet.noneOf(AwsService.class);
        if (!schema.buckets().isEmpty()) {
            services.add(AwsService.S3);
        }
        if (!schema.tables().isEmpty()) {
            services.add(AwsService.DYNAMODB);
        }
        if (!schema.userPools().isEmpty()) {
            services.add(AwsService.COGNITO);
        }
        return new StackChecks(List.of(source.probe(services), target.probe(services)));
    }

    /** Why {@code step} cannot use a stack at all (one line naming stack, service and endpoint), if it cannot. */
    public Optional<String> blocking(StepId step) {
        AwsService service = switch (step.kind()) {
            case BUCKET -> AwsService.S3;
            case TABLE -> AwsService.DYNAMODB;
            case USER_POOL -> AwsService.COGNITO;
        };
        for (StackAccess stack : stacks) {
            Optional<StackAccess.Problem> problem = stack.problemWith(service);
            if (problem.isPresent()) {
                return Optional.of(stack.label() + " " + service.name().toLowerCase() + ": " + problem.get().message());
            }
        }
        return Optional.empty();
    }

    /** Every step's preflight in plan order; a step whose stack cannot be used gets one finding pointing at it. */
    public List<Preflight> preflight(Plan plan, int parallelism) {
        List<Step> reachable = plan.steps().stream().filter(s -> blocking(s.id()).isEmpty()).toList();
        Map<StepId, Preflight> checked = new PreflightRunner(parallelism).preflight(new Plan(plan.schema(), reachable)).stream()
                .collect(Collectors.toMap(Preflight::step, Function.identity()));
        List<Preflight> all = new ArrayList<>();
        for (Step step : plan.steps()) {
            Preflight own = checked.get(step.id());
            all.add(own != null ? own : Preflight.notChecked(step.id(), blocking(step.id()).orElseThrow()));
        }
        return all;
    }
}
