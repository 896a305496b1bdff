package dev.migrator.store.userpool;

import dev.migrator.engine.Finding;
import dev.migrator.engine.ResourceState;
import dev.migrator.model.UserPoolPair;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** What preflight says about a user pool pair: both pools, their users, attributes that differ, what passwords become. */
final class UserPoolPreflight {
    private static final int USERS_SHOWN = 5;

    private final UserPoolPair pair;

    UserPoolPreflight(UserPoolPair pair) {
        this.pair = pair;
    }

    ResourceState look(UserPoolGateway gateway, ResourceState.Side side, Optional<UserPoolInfo> info, List<Finding> findings) {
        String poolId = side == ResourceState.Side.SOURCE ? pair.source() : pair.target();
        if (info.isEmpty()) {
            findings.add(Finding.error(side.name().toLowerCase() + " user pool " + poolId + " does not exist",
                    "check the pool id at " + (side == ResourceState.Side.SOURCE ? pair.at().source() : pair.at().target())));
            return ResourceState.missing(side, poolId);
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
        return new ResourceState(side, poolId, true, Optional.of(users.isEmpty()),
                Optional.of(info.get().estimatedUsers()), true, users, details);
    }

    void compare(UserPoolInfo source, UserPoolInfo target, List<Finding> findings) {
        for (AttributeCompatibility.Problem p : AttributeCompatibility.check(source, target)) {
            findings.add(p.error() ? Finding.error(p.message(), p.fix()) : Finding.warning(p.message(), p.fix()));
        }
    }

    Finding passwords() {
        return Finding.info("passwords cannot be read from Cognito; migrated users get: " + passwordsText());
    }

    String passwordsText() {
        return switch (pair.passwords()) {
            case RESET_ON_SIGN_IN -> "no message now; a password nobody knows, so their first sign-in goes through 'Forgot password'"
                    + " (passwords: reset-on-sign-in)";
            case POOL_SENDS_TEMPORARY -> "a temporary password the pool sends them by email or SMS (passwords: pool-sends-temporary)";
            case TEMPORARY_PASSWORD_FILE -> "a temporary password each, written to an owner-only file for you to hand out"
                    + " (passwords: temporary-password-file)";
        };
    }
}
