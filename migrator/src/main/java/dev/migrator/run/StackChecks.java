package dev.migrator.run;

import dev.migrator.aws.AwsService;
import dev.migrator.aws.StackClients;
import dev.migrator.aws.StackProbe;
import dev.migrator.aws.StackAccess;
import dev.migrator.engine.Plan;
import dev.migrator.engine.Preflight;
import dev.migrator.engine.PreflightRunner;
import dev.migrator.engine.Step;
import dev.migrator.engine.StepId;
import dev.migrator.engine.StoreModule;
import dev.migrator.support.Concurrently;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.stream.Collectors;

/**
 * Both stacks checked once (credentials, each service the schema uses, account) before the steps: a
 * failure every step would share is reported once per stack and service, and the steps that need it are
 * not asked again (their preflight says so, their verification is NOT VERIFIED with that reason).
 */
public record StackChecks(List<StackAccess> stacks, Stores stores) {

    public StackChecks {
        stacks = List.copyOf(stacks);
    }

    /** Probes both stacks, side by side, for the services the plan's steps call. */
    public static StackChecks probe(Plan plan, Stores stores, StackClients source, StackClients target) {
        Set<AwsService> services = EnumSet.noneOf(AwsService.class);
        plan.steps().forEach(step -> stores.of(step.id().kind()).flatMap(StoreModule::service).ifPresent(services::add));
        // side by side: each stack is a few round trips (credentials, each service, the account)
        Supplier<StackAccess> sourceAccess = Concurrently.start("probe-source",
                () -> new StackProbe(source).probe(services));
        StackAccess targetAccess = new StackProbe(target).probe(services);
        return new StackChecks(List.of(sourceAccess.get(), targetAccess), stores);
    }

    /** Why {@code step} cannot use a stack at all (one line naming stack, service and endpoint), if it cannot. */
    public Optional<String> blocking(StepId step) {
        Optional<AwsService> called = stores.of(step.kind()).flatMap(StoreModule::service);
        if (called.isEmpty()) {
            return Optional.empty();
        }
        AwsService service = called.get();
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
