package dev.migrator.store.userpool;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Can the target pool hold the source pool's users? Pure: compares sign-in configuration, custom
 * attributes (present, same type) and the target's required attributes. Each problem names the
 * attributes at fault.
 */
final class AttributeCompatibility {
    private AttributeCompatibility() {}

    record Problem(boolean error, String message, String fix) {}

    static List<Problem> check(UserPoolInfo source, UserPoolInfo target) {
        List<Problem> problems = new ArrayList<>();
        if (!source.signInWith().equals(target.signInWith())) {
            problems.add(new Problem(true, "users sign in with " + source.signInWith() + " in the source pool but with "
                    + target.signInWith() + " in the target pool",
                    "deploy Stack B's pool with the same username configuration; Cognito cannot change it later"));
        }
        List<String> missing = new ArrayList<>();
        List<String> retyped = new ArrayList<>();
        for (AttributeSpec a : source.attributes()) {
            Optional<AttributeSpec> t = target.attribute(a.name());
            if (t.isEmpty()) {
                if (a.name().startsWith("custom:") || a.name().startsWith("dev:")) {
                    missing.add(a.name());
                }
            } else if (!t.get().type().equals(a.type())) {
                retyped.add(a.name() + " (" + a.type() + " -> " + t.get().type() + ")");
            }
        }
        if (!missing.isEmpty()) {
            problems.add(new Problem(true, "the target pool lacks custom attribute(s) " + missing + " that source users carry",
                    "add them to Stack B's pool schema (custom attributes cannot be added to a user without them)"));
        }
        if (!retyped.isEmpty()) {
            problems.add(new Problem(true, "attribute(s) change type between the pools: " + retyped,
                    "give Stack B's pool the same attribute types"));
        }
        List<String> unknownRequired = new ArrayList<>();
        List<String> newlyRequired = new ArrayList<>();
        for (AttributeSpec t : target.attributes()) {
            if (!t.required()) {
                continue;
            }
            Optional<AttributeSpec> s = source.attribute(t.name());
            if (s.isEmpty()) {
                unknownRequired.add(t.name());
            } else if (!s.get().required()) {
                newlyRequired.add(t.name());
            }
        }
        if (!unknownRequired.isEmpty()) {
            problems.add(new Problem(true, "the target pool requires " + unknownRequired + ", which the source pool does not have",
                    "make them optional in Stack B's pool"));
        }
        if (!newlyRequired.isEmpty()) {
            problems.add(new Problem(false, "the target pool requires " + newlyRequired
                    + ", optional in the source pool: users without them are dead-lettered", ""));
        }
        return problems;
    }
}
