package dev.migrator.store.userpool;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.migrator.engine.Finding;
import dev.migrator.engine.CatchingUp;
import dev.migrator.engine.PairStep;
import dev.migrator.engine.ResourceState;
import dev.migrator.engine.StepContext;
import dev.migrator.engine.StepExecution;
import dev.migrator.engine.StepId;
import dev.migrator.engine.StepResult;
import dev.migrator.engine.UnitCounters;
import dev.migrator.engine.Verification;
import dev.migrator.model.CatchUp;
import dev.migrator.model.MigrationOptions;
import dev.migrator.model.UserPoolPair;
import dev.migrator.support.Backoff;
import dev.migrator.support.DeadLetterFile;
import dev.migrator.support.IdMapJournal;
import dev.migrator.support.RateLimiter;
import dev.migrator.support.RetryPolicy;
import dev.migrator.support.RunLayout;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Recreates one user pool's users and groups in the target pool, exports them (JSON and import-job CSV,
 * owner-only) and writes the old sub -> new sub map. Preflight: both pools exist, sign-in configuration
 * and attributes agree, and what passwords become.
 */
public final class UserPoolStep extends PairStep<UserPoolInfo, UserPoolGateway> implements CatchingUp {
    private final UserPoolPair pair;
    private final MigrationOptions options;
    private final UserPoolPreflight preflight;

    public UserPoolStep(UserPoolPair pair, MigrationOptions options, UserPoolGateway source, UserPoolGateway target) {
        super(new StepId(UserPoolModule.KIND, pair.name(), pair.at().pair()), pair.source(), pair.target(), source, target);
        this.pair = pair;
        this.options = options;
        this.preflight = new UserPoolPreflight(pair);
    }

    /** CATCH_UP only where the pair asks for it (catchUp "delta"). */
    @Override
    public java.util.Set<String> writesMaps() {
        return java.util.Set.of(dev.migrator.support.RunLayout.cognitoSubsMapName(pair.name()));
    }

    @Override
    public boolean follows() {
        return pair.catchUp() == CatchUp.DELTA;
    }

    @Override
    protected Optional<UserPoolInfo> describe(ResourceState.Side side) {
        return gateway(side).describe(resourceName(side));
    }

    @Override
    protected ResourceState look(ResourceState.Side side, Optional<UserPoolInfo> info, List<Finding> findings) {
        return preflight.look(gateway(side), side, info, findings);
    }

    @Override
    protected void compare(UserPoolInfo sourceInfo, UserPoolInfo targetInfo, List<Finding> findings) {
        preflight.compare(sourceInfo, targetInfo, findings);
    }

    @Override
    protected void review(List<ResourceState> resources, List<Finding> findings) {
        findings.add(preflight.passwords());
    }

    @Override
    public StepResult copy(StepContext context) {
        UserPoolCounters counters = new UserPoolCounters();
        RunLayout layout = context.layout();
        CognitoCalls calls = calls(context.backoff());
        return copying(context, counters::snapshot, deadLetters -> {
            try (IdMapJournal subs = new IdMapJournal(layout.cognitoSubsMap(pair.name()));
                 PasswordFile passwords = passwordFile(layout);
                 CreationLog creations = new CreationLog(layout.creationLog(id.slug()),
                         context.resume())) {
                UserPoolInfo sourceInfo = source.describe(pair.source()).orElseThrow();
                UserPoolInfo targetInfo = target.describe(pair.target()).orElseThrow();
                if (pair.catchUp() == CatchUp.DELTA && !(context.resume() && DeltaPosition.read(context.checkpoints(), delta()).isPresent())) {
                    DeltaPosition.beforeCopy(Instant.now()).write(context.checkpoints(), delta());
                }
                context.progress().started(id, sourceInfo.estimatedUsers(), "users");
                GroupDirectory groups = GroupDirectory.read(source, pair.source(), calls);
                counters.groupsCreated.addAndGet(createMissingGroups(groups, calls));
                ImportCsv csv = new ImportCsv(calls.call(() -> target.csvHeader(pair.target()))
                        .orElseGet(() -> ImportCsv.derivedHeader(targetInfo)));
                UserImporter importer = importer(targetInfo, pair.existingUsers(), calls, subs, passwords, Optional.of(creations));
                PageCheckpoint checkpoint = new PageCheckpoint(context.checkpoints(), id.slug(), context.resume());
                PageCheckpoint.Position from = checkpoint.resumeFrom().orElse(PageCheckpoint.Position.START);
                try (PoolExport export = new PoolExport(layout.export(id.slug(), ".jsonl"), layout.export(id.slug(), "-import.csv"),
                        pair.source(), groups.groups(), csv, checkpoint.resumeFrom().map(PageCheckpoint.Position::export))) {
                    new UserPoolCopier(source, pair.source(), sourceInfo, targetInfo, calls, options.concurrency())
                            .copy(groups, export, importer, new UserDeadLetters(deadLetters, id.toString(), pair.source()), counters,
                                    checkpoint, from, () -> context.progress().advanced(id, counters.done(), counters.failed.get()));
                }
                return new StepExecution.Ending(List.of(), outputs(counters, groups, subs, passwords, layout));
            }
        });
    }

    private String delta() {
        return id.slug() + "-delta";
    }

    /**
     * A delta pass: every source user modified since the last pass (UserLastModifiedDate) imported again with
     * existing users updated (attributes, enabled flag, groups added; new users created and their subs mapped).
     * A pass that changed nothing is caught up. Users deleted from the source stay in the target.
     */
    @Override
    public StepResult catchUp(StepContext context) {
        UserPoolCounters counters = new UserPoolCounters();
        CognitoCalls calls = calls(context.backoff());
        return copying(context, counters::snapshot, deadLetters -> {
            DeltaPosition position = DeltaPosition.read(context.checkpoints(), delta()).orElseThrow(() ->
                    new IllegalStateException("no delta position recorded for " + id + ": run the copy (migrator run) first"));
            try (IdMapJournal subs = new IdMapJournal(context.layout().cognitoSubsMap(pair.name()));
                 PasswordFile passwords = passwordFile(context.layout())) {
                UserPoolInfo targetInfo = target.describe(pair.target()).orElseThrow();
                GroupDirectory groups = GroupDirectory.read(source, pair.source(), calls);
                counters.groupsCreated.addAndGet(createMissingGroups(groups, calls));
                UserImporter updating = importer(targetInfo, UserPoolPair.ExistingUserPolicy.UPDATE, calls, subs, passwords, Optional.empty());
                UserDeadLetters failed = new UserDeadLetters(deadLetters, id.toString(), pair.source());
                Map<String, String> targetNames = new java.util.HashMap<>();
                DeltaPosition next = new UserDelta(source, pair.source(), calls).pass(position, user -> {
                    List<String> memberOf = groups.groupsOf(user.username());
                    UserOutcome outcome = updating.importUser(user, memberOf);
                    counters.read.incrementAndGet();
                    counters.count(outcome);
                    if (outcome instanceof UserOutcome.Failed f) {
                        failed.add(user, memberOf, f);
                    }
                }, user -> {
                    if (!user.federated()) {
                        targetNames.put(user.username(), UserImporter.targetUsername(user, targetInfo));
                    }
                });
                next.write(context.checkpoints(), delta());
                Memberships.Changes memberships = new Memberships(target, pair.target(), calls).reconcile(groups, targetNames);
                counters.written.addAndGet(memberships.added() + memberships.removed());
                boolean caughtUp = counters.written.get() == 0 && counters.failed.get() == 0 && memberships.failed() == 0;
                context.progress().caughtUp(id, counters.written.get(), Optional.empty(), caughtUp);
                Map<String, String> outputs = new LinkedHashMap<>();
                outputs.put(CAUGHT_UP, String.valueOf(caughtUp));
                outputs.put("recordsApplied", String.valueOf(counters.written.get()));
                outputs.put("usersCreated", String.valueOf(counters.created.get()));
                outputs.put("usersUpdated", String.valueOf(counters.updated.get()));
                outputs.put("membershipsAdded", String.valueOf(memberships.added()));
                outputs.put("membershipsRemoved", String.valueOf(memberships.removed()));
                outputs.put("subMap", subs.writeMap().toString());
                return new StepExecution.Ending(List.of(), outputs);
            }
        });
    }

    @Override
    protected Replayer replayer(StepContext context, DeadLetterFile stillFailing) throws IOException {
        UserPoolCounters counters = new UserPoolCounters();
        CognitoCalls calls = calls(context.backoff());
        IdMapJournal subs = new IdMapJournal(context.layout().cognitoSubsMap(pair.name()));
        PasswordFile passwords = passwordFile(context.layout());
        UserPoolInfo targetInfo = target.describe(pair.target()).orElseThrow();
        UserImporter asConfigured = importer(targetInfo, pair.existingUsers(), calls, subs, passwords, Optional.empty());
        UserImporter updating = importer(targetInfo, UserPoolPair.ExistingUserPolicy.UPDATE, calls, subs, passwords, Optional.empty());
        UserPoolReplay users = new UserPoolReplay(asConfigured, updating,
                new UserDeadLetters(stillFailing, id.toString(), pair.source()), counters);
        return new Replayer() {
            @Override
            public void replay(ObjectNode entry) throws IOException, InterruptedException {
                users.replay(entry);
            }

            @Override
            public UnitCounters counters() {
                return counters;
            }

            @Override
            public Map<String, String> outputs() throws IOException {
                Map<String, String> outputs = new LinkedHashMap<>();
                outputs.put("usersCreated", String.valueOf(counters.created.get()));
                outputs.put("usersUpdated", String.valueOf(counters.updated.get()));
                outputs.put("subMap", subs.writeMap().toString());
                return outputs;
            }

            @Override
            public void close() throws IOException {
                subs.close();
                if (passwords != null) {
                    passwords.close();
                }
            }
        };
    }

    /** Imports users into the target pool with {@code existing} as the policy for users already there. */
    private UserImporter importer(UserPoolInfo targetInfo, UserPoolPair.ExistingUserPolicy existing, CognitoCalls calls, IdMapJournal subs,
                                  PasswordFile passwords, Optional<CreationLog> creations) {
        return new UserImporter(target, new UserImporter.Settings(pair.target(), targetInfo, existing, pair.passwords()), calls, subs,
                Optional.ofNullable(passwords), creations);
    }

    /** The owner-only file temporary passwords go to, where the pair hands them out that way; else null. */
    private PasswordFile passwordFile(RunLayout layout) throws IOException {
        return pair.passwords() == UserPoolPair.PasswordPolicy.TEMPORARY_PASSWORD_FILE
                ? new PasswordFile(layout.secret("temporary-passwords-" + pair.name() + ".csv")) : null;
    }

    @Override
    public Verification verify(StepContext context, double sampleRate) {
        CognitoCalls calls = calls(context.backoff());
        return StepExecution.verify(id, () -> new UserPoolVerifier(source, target, calls, context.progress(),
                context.layout().verifySpillDirectory())
                .verify(id, pair.source(), pair.target(), sampleRate));
    }

    /** Cognito requests of this pair: paced to its requests per second, retried on quota errors. */
    private CognitoCalls calls(Backoff backoff) {
        return new CognitoCalls(RateLimiter.of(pair.requestsPerSecond()), new RetryPolicy(options.maxRetries(), backoff));
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

    private Map<String, String> outputs(UserPoolCounters counters, GroupDirectory groups, IdMapJournal subs, PasswordFile passwords,
                                        RunLayout layout) throws IOException {
        Map<String, String> outputs = new LinkedHashMap<>();
        outputs.put("usersCreated", String.valueOf(counters.created.get()));
        outputs.put("usersUpdated", String.valueOf(counters.updated.get()));
        outputs.put("usersAlreadyThere", String.valueOf(counters.existingSkipped.get()));
        outputs.put("groups", String.valueOf(groups.groups().size()));
        outputs.put("groupsCreated", String.valueOf(counters.groupsCreated.get()));
        outputs.put("memberships", String.valueOf(groups.memberships()));
        outputs.put("federatedUsers", counters.federatedSummary());
        outputs.put("passwords", "not migrated (Cognito cannot export them): " + preflight.passwordsText());
        if (passwords != null) {
            outputs.put("temporaryPasswords", passwords.path().toString());
        }
        Path export = layout.export(id.slug(), ".jsonl");
        outputs.put("export", export.toString());
        outputs.put("importJobCsv", layout.export(id.slug(), "-import.csv").toString());
        outputs.put("subsMapped", String.valueOf(subs.size()));
        outputs.put("subMap", subs.writeMap().toString());
        return outputs;
    }
}
