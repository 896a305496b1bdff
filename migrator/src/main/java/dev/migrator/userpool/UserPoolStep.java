package dev.migrator.userpool;

import dev.migrator.deadletter.DeadLetterFile;
import dev.migrator.deadletter.DeadLetterReplay;
import dev.migrator.maps.IdMapJournal;
import dev.migrator.model.MigrationOptions;
import dev.migrator.model.UserPoolPair;
import dev.migrator.plan.RetryPolicy;
import dev.migrator.run.Backoff;
import dev.migrator.run.RateLimiter;
import dev.migrator.transform.ValueMaps;
import java.io.IOException;
import java.nio.file.Path;
import dev.migrator.plan.Finding;
import dev.migrator.plan.Preflight;
import dev.migrator.plan.ResourceState;
import dev.migrator.plan.Step;
import dev.migrator.plan.StepContext;
import dev.migrator.plan.StepExecution;
import dev.migrator.plan.Verification;
import dev.migrator.plan.StepId;
import dev.migrator.plan.StepResult;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Recreates one user pool's users and groups in the target pool, exports them (JSON and import-job CSV,
 * owner-only) and writes the old sub -> new sub map. Preflight: both pools exist, sign-in configuration
 * and attributes agree, and what passwords become.
 */
public final class UserPoolStep implements Step {
    private static final int USERS_SHOWN = 5;

    private final UserPoolPair pair;
    private final MigrationOptions options;
    private final UserPoolGateway source;
    private final UserPoolGateway target;
    private final StepId id;

    public UserPoolStep(UserPoolPair pair, MigrationOptions options, UserPoolGateway source, UserPoolGateway target) {
        this.pair = pair;
        this.options = options;
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
        if (src.isPresent() && dst.isPresent()) {
            for (AttributeCompatibility.Problem p : AttributeCompatibility.check(src.get(), dst.get())) {
                findings.add(p.error() ? Finding.error(p.message(), p.fix()) : Finding.warning(p.message(), p.fix()));
            }
        }
        findings.add(Finding.info("passwords cannot be read from Cognito; migrated users get: " + passwordsText()));
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

    private String passwordsText() {
        return switch (pair.passwords()) {
            case RESET_ON_SIGN_IN -> "no message now; a password nobody knows, so their first sign-in goes through 'Forgot password'"
                    + " (passwords: reset-on-sign-in)";
            case POOL_SENDS_TEMPORARY -> "a temporary password the pool sends them by email or SMS (passwords: pool-sends-temporary)";
            case TEMPORARY_PASSWORD_FILE -> "a temporary password each, written to an owner-only file for you to hand out"
                    + " (passwords: temporary-password-file)";
        };
    }

    @Override
    public StepResult execute(StepContext context) {
        UserPoolCounters counters = new UserPoolCounters();
        Path run = context.runDirectory();
        Path deadLetterPath = DeadLetterFile.pathOf(run, id);
        CognitoCalls calls = calls();
        return StepExecution.run(id, counters::snapshot, () -> {
            try (DeadLetterFile deadLetters = new DeadLetterFile(deadLetterPath);
                 IdMapJournal subs = new IdMapJournal(ValueMaps.cognitoSubsFile(run, pair.name()));
                 PasswordFile passwords = passwordFile(run);
                 CreationLog creations = new CreationLog(context.checkpoints().directory().resolve("userpool-" + pair.name()
                         + "-created.log"), context.resume())) {
                UserPoolInfo sourceInfo = source.describe(pair.source()).orElseThrow();
                UserPoolInfo targetInfo = target.describe(pair.target()).orElseThrow();
                context.progress().started(id, sourceInfo.estimatedUsers(), "users");
                GroupDirectory groups = GroupDirectory.read(source, pair.source(), calls);
                counters.groupsCreated.addAndGet(createMissingGroups(groups, calls));
                ImportCsv csv = new ImportCsv(calls.call(() -> target.csvHeader(pair.target()))
                        .orElseGet(() -> ImportCsv.derivedHeader(targetInfo)));
                UserImporter importer = new UserImporter(target, new UserImporter.Settings(pair.target(), targetInfo,
                        pair.existingUsers(), pair.passwords()), calls, subs, Optional.ofNullable(passwords), Optional.of(creations));
                Path exports = run.resolve("exports");
                PageCheckpoint checkpoint = new PageCheckpoint(context.checkpoints(), "userpool-" + pair.name(), context.resume());
                PageCheckpoint.Position from = checkpoint.resumeFrom().orElse(PageCheckpoint.Position.START);
                try (PoolExport export = new PoolExport(exports.resolve("userpool-" + pair.name() + ".jsonl"),
                        exports.resolve("userpool-" + pair.name() + "-import.csv"), pair.source(), groups.groups(), csv,
                        checkpoint.resumeFrom().map(PageCheckpoint.Position::export))) {
                    new UserPoolCopier(source, pair.source(), sourceInfo, targetInfo, calls, options.concurrency())
                            .copy(groups, export, importer, new UserDeadLetters(deadLetters, id.toString(), pair.source()), counters,
                                    checkpoint, from, () -> context.progress().advanced(id, counters.done(), counters.failed.get()));
                }
                return new StepExecution.Ending(List.of(), outputs(counters, groups, subs, deadLetters, passwords, exports));
            }
        });
    }

    @Override
    public StepResult replay(StepContext context) {
        UserPoolCounters counters = new UserPoolCounters();
        Path run = context.runDirectory();
        CognitoCalls calls = calls();
        return StepExecution.run(id, counters::snapshot, () -> {
            try (DeadLetterReplay replay = new DeadLetterReplay(DeadLetterFile.pathOf(run, id));
                 IdMapJournal subs = new IdMapJournal(ValueMaps.cognitoSubsFile(run, pair.name()));
                 PasswordFile passwords = passwordFile(run)) {
                UserPoolInfo targetInfo = target.describe(pair.target()).orElseThrow();
                UserImporter.Settings settings = new UserImporter.Settings(pair.target(), targetInfo, pair.existingUsers(), pair.passwords());
                UserImporter asConfigured = new UserImporter(target, settings, calls, subs, Optional.ofNullable(passwords),
                        Optional.empty());
                UserImporter updating = new UserImporter(target, new UserImporter.Settings(pair.target(), targetInfo,
                        UserPoolPair.ExistingUserPolicy.UPDATE, pair.passwords()), calls, subs, Optional.ofNullable(passwords),
                        Optional.empty());
                UserPoolReplay users = new UserPoolReplay(asConfigured, updating,
                        new UserDeadLetters(replay.stillFailing(), id.toString(), pair.source()), counters);
                context.progress().started(id, replay.countEntries(), "dead letters");
                replay.forEach(entry -> {
                    users.replay(entry);
                    context.progress().advanced(id, counters.done(), counters.failed.get());
                });
                Map<String, String> outputs = new LinkedHashMap<>(replay.commit());
                outputs.put("usersCreated", String.valueOf(counters.created.get()));
                outputs.put("usersUpdated", String.valueOf(counters.updated.get()));
                outputs.put("subMap", subs.writeMap().toString());
                return new StepExecution.Ending(List.of(), outputs);
            }
        });
    }

    /** The owner-only file temporary passwords go to, where the pair hands them out that way; else null. */
    private PasswordFile passwordFile(Path run) throws IOException {
        return pair.passwords() == UserPoolPair.PasswordPolicy.TEMPORARY_PASSWORD_FILE
                ? new PasswordFile(run.resolve("secrets").resolve("temporary-passwords-" + pair.name() + ".csv")) : null;
    }

    @Override
    public Verification verify(StepContext context, double sampleRate) {
        CognitoCalls calls = calls();
        return StepExecution.verify(id, () -> new UserPoolVerifier(source, target, calls, context.progress()).verify(id, pair.source(), pair.target(), sampleRate));
    }

    /** Cognito requests of this pair: paced to its requests per second, retried on quota errors. */
    private CognitoCalls calls() {
        return new CognitoCalls(RateLimiter.of(pair.requestsPerSecond()), new RetryPolicy(options.maxRetries(), Backoff.DEFAULT));
    }

    private int createMissingGroups(GroupDirectory groups, CognitoCalls calls) throws InterruptedException {
        java.util.Set<String> existing = GroupDirectory.names(target, pair.target(), calls);
        int created = 0;
        for (PoolGroup group : groups.groups()) {
            if (!existing.contains(group.name())) {
                calls.run(() -> target.createGroup(pair.target(), group));
                created++;
            }
        }
        return created;
    }

    private Map<String, String> outputs(UserPoolCounters counters, GroupDirectory groups, IdMapJournal subs, DeadLetterFile deadLetters,
                                        PasswordFile passwords, Path exports) throws IOException {
        Map<String, String> outputs = new LinkedHashMap<>();
        outputs.put("usersCreated", String.valueOf(counters.created.get()));
        outputs.put("usersUpdated", String.valueOf(counters.updated.get()));
        outputs.put("usersAlreadyThere", String.valueOf(counters.existingSkipped.get()));
        outputs.put("groups", String.valueOf(groups.groups().size()));
        outputs.put("groupsCreated", String.valueOf(counters.groupsCreated.get()));
        outputs.put("memberships", String.valueOf(groups.memberships()));
        outputs.put("federatedUsers", counters.federatedSummary());
        outputs.put("passwords", "not migrated (Cognito cannot export them): " + passwordsText());
        if (passwords != null) {
            outputs.put("temporaryPasswords", passwords.path().toString());
        }
        outputs.put("export", exports.resolve("userpool-" + pair.name() + ".jsonl").toString());
        outputs.put("importJobCsv", exports.resolve("userpool-" + pair.name() + "-import.csv").toString());
        outputs.put("subsMapped", String.valueOf(subs.size()));
        outputs.put("subMap", subs.writeMap().toString());
        if (deadLetters.count() > 0) {
            outputs.put("deadLetters", deadLetters.path().toString());
        }
        return outputs;
    }
}
