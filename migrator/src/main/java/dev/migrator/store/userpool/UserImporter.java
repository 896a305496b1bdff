package dev.migrator.store.userpool;

import dev.migrator.support.IdMapJournal;
import dev.migrator.model.UserPoolPair;
import dev.migrator.support.AwsErrors;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Recreates one user in the target pool: create without any message (unless the pool is to send the
 * temporary password), every writable attribute with the verified flags, disabled if it was, its
 * groups; an existing user is skipped or updated. The old sub -> new sub pair goes to the journal.
 */
final class UserImporter {
    record Settings(String targetPool, UserPoolInfo target, UserPoolPair.ExistingUserPolicy existing,
                    UserPoolPair.PasswordPolicy passwords) {}

    private final UserPoolGateway pool;
    private final Settings settings;
    private final CognitoCalls calls;
    private final IdMapJournal subs;
    private final TemporaryPasswords generator;
    private final Optional<PasswordFile> passwordFile;
    private final Optional<CreationLog> creations;

    UserImporter(UserPoolGateway pool, Settings settings, CognitoCalls calls, IdMapJournal subs, Optional<PasswordFile> passwordFile,
                 Optional<CreationLog> creations) {
        this.pool = pool;
        this.settings = settings;
        this.calls = calls;
        this.subs = subs;
        this.generator = new TemporaryPasswords(settings.target().passwordRules());
        this.passwordFile = passwordFile;
        this.creations = creations;
    }

    /** The username in the target pool: the email or phone number where the pool signs in with those. */
    static String targetUsername(PoolUser user, UserPoolInfo target) {
        for (String attribute : target.usernameAttributes()) {
            String value = user.attributes().get(attribute);
            if (value != null && !value.isEmpty()) {
                return value;
            }
        }
        return user.username();
    }

    UserOutcome importUser(PoolUser user, List<String> groups) throws InterruptedException {
        if (user.federated()) {
            return new UserOutcome.Federated(user.username());
        }
        String username = targetUsername(user, settings.target());
        UserDeadLetter.Stage stage = UserDeadLetter.Stage.CREATE;
        try {
            Map<String, String> attributes = writable(user);
            UserOutcome outcome;
            Optional<String> newSub;
            try {
                newSub = create(username, attributes);
                outcome = new UserOutcome.Created(username);
            } catch (UserPoolGateway.UserExists exists) {
                stage = UserDeadLetter.Stage.EXISTING;
                boolean copiedBefore = user.sub().map(subs::copiedAs).isPresent();
                boolean createdEarlier = !copiedBefore && creations.map(c -> c.createdEarlier(username)).orElse(false);
                switch (UserDecision.decide(copiedBefore, createdEarlier, settings.existing()).action()) {
                    case SKIP_COPIED -> {
                        return new UserOutcome.SkippedExisting(username);
                    }
                    case FINISH -> {
                        stage = UserDeadLetter.Stage.FINISH;
                        newSub = finish(username, attributes);
                        outcome = new UserOutcome.Created(username);
                    }
                    case KEEP -> {
                        noteExisted(username);
                        recordSub(user, lookUpSub(username));
                        return new UserOutcome.SkippedExisting(username);
                    }
                    default -> {
                        if (!copiedBefore) {
                            noteExisted(username);
                        }
                        calls.run(() -> pool.updateAttributes(settings.targetPool(), username, mutableOnly(attributes)));
                        newSub = lookUpSub(username);
                        outcome = new UserOutcome.Updated(username);
                    }
                }
            }
            stage = UserDeadLetter.Stage.ENABLE;
            if (!user.enabled() || outcome instanceof UserOutcome.Updated) {
                calls.run(() -> pool.setEnabled(settings.targetPool(), username, user.enabled()));
            }
            stage = UserDeadLetter.Stage.GROUPS;
            for (String group : groups) {
                calls.run(() -> pool.addToGroup(settings.targetPool(), username, group));
            }
            recordSub(user, newSub);
            return outcome;
        } catch (RuntimeException | IOException e) {
            return new UserOutcome.Failed(username, stage, AwsErrors.describe(e));
        }
    }

    private Optional<String> create(String username, Map<String, String> attributes) throws InterruptedException, IOException {
        if (creations.isPresent()) {
            creations.get().creating(username);
        }
        return switch (settings.passwords()) {
            case POOL_SENDS_TEMPORARY -> calls.call(() -> pool.createUser(settings.targetPool(), username, attributes,
                    Optional.empty(), false));
            case TEMPORARY_PASSWORD_FILE -> {
                String password = generator.next();
                Optional<String> sub = calls.call(() -> pool.createUser(settings.targetPool(), username, attributes,
                        Optional.of(password), true));
                passwordFile.orElseThrow().add(username, password);
                yield sub;
            }
            case RESET_ON_SIGN_IN -> {
                Optional<String> sub = calls.call(() -> pool.createUser(settings.targetPool(), username, attributes,
                        Optional.empty(), true));
                // a permanent password nobody knows: the user's first sign-in goes through "Forgot password"
                String unknowable = generator.next();
                calls.run(() -> pool.setPassword(settings.targetPool(), username, unknowable, true));
                yield sub;
            }
        };
    }

    /** Tells the creation log the user was there before this migration asked. */
    private void noteExisted(String username) throws IOException {
        if (creations.isPresent()) {
            creations.get().existed(username);
        }
    }

    /**
     * A user an interrupted run created but may not have finished: attributes again, and the password as
     * the policy wants it (a temporary one handed out, or one nobody knows), since the first may be lost.
     */
    private Optional<String> finish(String username, Map<String, String> attributes) throws InterruptedException, IOException {
        calls.run(() -> pool.updateAttributes(settings.targetPool(), username, mutableOnly(attributes)));
        switch (settings.passwords()) {
            case TEMPORARY_PASSWORD_FILE -> {
                String password = generator.next();
                calls.run(() -> pool.setPassword(settings.targetPool(), username, password, false));
                passwordFile.orElseThrow().add(username, password);
            }
            case RESET_ON_SIGN_IN -> {
                String unknowable = generator.next();
                calls.run(() -> pool.setPassword(settings.targetPool(), username, unknowable, true));
            }
            case POOL_SENDS_TEMPORARY -> { }
        }
        return lookUpSub(username);
    }

    private Optional<String> lookUpSub(String username) throws InterruptedException {
        return calls.call(() -> pool.getUser(settings.targetPool(), username)).flatMap(PoolUser::sub);
    }

    private void recordSub(PoolUser user, Optional<String> newSub) {
        if (user.sub().isPresent() && newSub.isPresent()) {
            subs.record(user.username(), user.sub().get(), newSub.get());
        }
    }

    /** The user's writable attributes; custom ones only where the target pool has them (every pool has the standard ones). */
    private Map<String, String> writable(PoolUser user) {
        Map<String, String> attributes = new LinkedHashMap<>(user.writableAttributes());
        attributes.keySet().removeIf(name -> (name.startsWith("custom:") || name.startsWith("dev:"))
                && settings.target().attribute(name).isEmpty());
        return attributes;
    }

    private Map<String, String> mutableOnly(Map<String, String> attributes) {
        Map<String, String> mutable = new LinkedHashMap<>(attributes);
        mutable.keySet().removeIf(name -> settings.target().attribute(name).map(a -> !a.mutable()).orElse(false));
        return mutable;
    }
}
