package dev.migrator.userpool;

import dev.migrator.model.UserPoolPair;
import dev.migrator.plan.Finding;
import dev.migrator.plan.Preflight;
import dev.migrator.plan.ResourceState;
import dev.migrator.plan.Step;
import dev.migrator.plan.StepContext;
import dev.migrator.plan.StepId;
import dev.migrator.plan.StepResult;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Recreates one user pool's users and groups. Preflight: both pools exist, sign-in configuration agrees. */
public final class UserPoolStep implements Step {
    private static final int USERS_SHOWN = 5;

    private final UserPoolPair pair;
    private final UserPoolGateway source;
    private final UserPoolGateway target;
    private final StepId id;

    public UserPoolStep(UserPoolPair pair, UserPoolGateway source, UserPoolGateway target) {
        this.pair = pair;
        this.source = source;
        this.target = target;
        this.id = new StepId(StepId.Kind.USER_POOL, pair.name(), pair.at().pair());
    }

    @Override
    public StepId id() {
        return id;
    }

    @Override
    public Preflight preflight() {
        List<ResourceState> resources = new ArrayList<>();
        List<Finding> findings = new ArrayList<>();
        Optional<UserPoolInfo> src;
        Optional<UserPoolInfo> dst;
        try {
            src = look(source, ResourceState.Side.SOURCE, pair.source(), resources, findings);
        } catch (RuntimeException e) {
            return Preflight.unreachable(id, "source user pool " + pair.source(), e);
        }
        try {
            dst = look(target, ResourceState.Side.TARGET, pair.target(), resources, findings);
        } catch (RuntimeException e) {
            return Preflight.unreachable(id, "target user pool " + pair.target(), e);
        }
        if (src.isPresent() && dst.isPresent() && !src.get().signInWith().equals(dst.get().signInWith())) {
            findings.add(Finding.error("users sign in with " + src.get().signInWith() + " in the source pool but with "
                            + dst.get().signInWith() + " in the target pool",
                    "deploy Stack B's pool with the same username configuration; Cognito cannot change it later"));
        }
        return new Preflight(id, resources, findings);
    }

    private Optional<UserPoolInfo> look(UserPoolGateway gateway, ResourceState.Side side, String poolId,
                                        List<ResourceState> resources, List<Finding> findings) {
        Optional<UserPoolInfo> info = gateway.describe(poolId);
        if (info.isEmpty()) {
            resources.add(ResourceState.missing(side, poolId));
            findings.add(Finding.error(side.name().toLowerCase() + " user pool " + poolId + " does not exist",
                    "check the pool id at " + (side == ResourceState.Side.SOURCE ? pair.at().source() : pair.at().target())));
            return info;
        }
        List<String> users = gateway.firstUsernames(poolId, USERS_SHOWN);
        if (side == ResourceState.Side.TARGET && !users.isEmpty()) {
            findings.add(Finding.info("target user pool " + poolId + " already has users; existing ones are "
                    + (pair.existingUsers() == UserPoolPair.ExistingUserPolicy.UPDATE ? "updated" : "skipped")));
        }
        Map<String, String> details = new LinkedHashMap<>();
        details.put("poolName", info.get().name());
        details.put("signIn", info.get().signInWith());
        details.put("mfa", info.get().mfa());
        resources.add(new ResourceState(side, poolId, true, Optional.of(users.isEmpty()),
                Optional.of(info.get().estimatedUsers()), true, users, details));
        return info;
    }

    @Override
    public StepResult execute(StepContext context) {
        return new StepResult.NotRun(id, "user pool migration is not implemented in this build");
    }
}
