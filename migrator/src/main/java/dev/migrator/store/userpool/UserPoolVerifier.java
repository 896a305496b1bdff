package dev.migrator.store.userpool;

import dev.migrator.engine.MismatchLog;
import dev.migrator.engine.Sampling;
import dev.migrator.engine.StepId;
import dev.migrator.engine.Verification;
import dev.migrator.support.digest.Digest;
import dev.migrator.support.digest.DigestComparison;
import dev.migrator.support.digest.DigestSpill;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Verifies a user pool pair: every (sampled) source user has a target user under the username the run
 * gives it, with the same writable attributes, enabled flag and groups; and, on a full check, no target
 * user comes from nowhere. Federated users are not copyable and counted apart. A full check streams both
 * pools' users and compares them by digests ({@link DigestComparison}), naming users only where a key bucket
 * differs; a sampled one holds the target's users in memory. Group memberships are held in memory.
 */
final class UserPoolVerifier {
    private final dev.migrator.engine.ProgressListener progress;
    private final UserPoolGateway source;
    private final UserPoolGateway target;
    private final CognitoCalls calls;
    private final Path spillDirectory;

    UserPoolVerifier(UserPoolGateway source, UserPoolGateway target, CognitoCalls calls, dev.migrator.engine.ProgressListener progress,
                     Path spillDirectory) {
        this.progress = progress;
        this.source = source;
        this.target = target;
        this.calls = calls;
        this.spillDirectory = spillDirectory;
    }

    /** Between group names in a spilled form: a character no group name holds. */
    private static final String GROUP_SEPARATOR = "\u001f";

    /** What is compared of a user, under its target username; the attributes by hash (the spill never holds their values). */
    private record Form(String username, long attributes, boolean enabled, List<String> groups) {
        byte[] bytes() {
            return (username + "\n" + attributes + "\n" + enabled + "\n" + String.join(GROUP_SEPARATOR, groups)).getBytes(StandardCharsets.UTF_8);
        }

        static Form parse(byte[] bytes) {
            String[] parts = new String(bytes, StandardCharsets.UTF_8).split("\n", 4);
            return new Form(parts[0], Long.parseLong(parts[1]), Boolean.parseBoolean(parts[2]),
                    parts[3].isEmpty() ? List.of() : List.of(parts[3].split(GROUP_SEPARATOR)));
        }

        /** Why {@code copy} differs from this: attributes first, then the enabled flag, then groups. */
        String difference(Form copy) {
            if (attributes != copy.attributes) {
                return "attributes differ";
            }
            if (enabled != copy.enabled) {
                return "enabled " + enabled + " became " + copy.enabled;
            }
            return "groups " + groups + " became " + copy.groups;
        }
    }

    Verification verify(StepId id, String sourcePool, String targetPool, double sampleRate) throws InterruptedException {
        long started = System.nanoTime();
        MismatchLog log = new MismatchLog(progress, id);
        UserPoolInfo targetInfo = target.describe(targetPool).orElseThrow();
        GroupDirectory sourceGroups = GroupDirectory.read(source, sourcePool, calls);
        GroupDirectory targetGroups = GroupDirectory.read(target, targetPool, calls);
        if (sampleRate < 1) {
            sampled(sourcePool, targetPool, sampleRate, targetInfo, sourceGroups, targetGroups, log);
            return log.result(id, sampleRate, started, "sampled: extra target users are not counted");
        }
        DigestComparison users = new DigestComparison();
        forEachSourceForm(sourcePool, targetInfo, sourceGroups, log, form -> {
            log.checkedOne();
            users.addSource(form.username(), form.bytes());
        });
        calls.forEach(token -> target.listUsers(targetPool, token), user -> {
            log.targetCount.incrementAndGet();
            Form form = form(user, user.username(), targetInfo, targetGroups);
            users.addTarget(form.username(), form.bytes());
        });
        try {
            DigestComparison.Resolved resolved = users.resolve(spillDirectory, DigestSpill.DEFAULT_PARTITION_SIZE,
                    sink -> forEachSourceForm(sourcePool, targetInfo, sourceGroups, null, f -> sink.unit(f.username(), f::bytes, f::bytes)),
                    sink -> calls.forEach(token -> target.listUsers(targetPool, token), user -> {
                        Form f = form(user, user.username(), targetInfo, targetGroups);
                        sink.unit(f.username(), f::bytes, f::bytes);
                    }), log.outcomes((want, got) -> Form.parse(want).difference(Form.parse(got)), "user"));
            log.matched.addAndGet(log.checked.get() - resolved.sourceUnits());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot spill differing users under " + spillDirectory, e);
        }
        return log.result(id, sampleRate, started, "");
    }

    /** Every copyable source user as the run would write it; {@code log} (first pass only) counts them. */
    private void forEachSourceForm(String sourcePool, UserPoolInfo targetInfo, GroupDirectory groups, MismatchLog log,
                                   CognitoCalls.ItemHandler<Form> handler) throws InterruptedException {
        calls.forEach(token -> source.listUsers(sourcePool, token), user -> {
            if (log != null) {
                log.sourceCount.incrementAndGet();
            }
            if (user.federated()) {
                if (log != null) {
                    log.notCopyable.incrementAndGet();
                }
                return;
            }
            handler.handle(form(user, UserImporter.targetUsername(user, targetInfo), targetInfo, groups));
        });
    }

    private static Form form(PoolUser user, String username, UserPoolInfo targetInfo, GroupDirectory groups) {
        String attributes = new TreeMap<>(comparable(user, targetInfo)).toString();
        return new Form(username, Digest.of(attributes.getBytes(StandardCharsets.UTF_8)).low(), user.enabled(),
                groups.groupsOf(user.username()).stream().sorted().toList());
    }

    private void sampled(String sourcePool, String targetPool, double sampleRate, UserPoolInfo targetInfo, GroupDirectory sourceGroups,
                         GroupDirectory targetGroups, MismatchLog log) throws InterruptedException {
        Map<String, PoolUser> targetUsers = new LinkedHashMap<>();
        calls.forEach(token -> target.listUsers(targetPool, token), u -> targetUsers.put(u.username(), u));
        log.targetCount.set(targetUsers.size());
        forEachSourceForm(sourcePool, targetInfo, sourceGroups, log, expected -> {
            if (!Sampling.chosen(expected.username(), sampleRate)) {
                return;
            }
            log.checkedOne();
            PoolUser copy = targetUsers.get(expected.username());
            Form actual = copy == null ? null : form(copy, copy.username(), targetInfo, targetGroups);
            if (actual == null) {
                log.missing(expected.username());
            } else if (!actual.equals(expected)) {
                log.different(expected.username() + ": " + expected.difference(actual));
            } else {
                log.matched.incrementAndGet();
            }
        });
    }

    /** The attributes the run writes: writable ones, custom ones only where the target pool has them. */
    private static Map<String, String> comparable(PoolUser user, UserPoolInfo targetInfo) {
        Map<String, String> attributes = new LinkedHashMap<>(user.writableAttributes());
        attributes.keySet().removeIf(name -> (name.startsWith("custom:") || name.startsWith("dev:")) && targetInfo.attribute(name).isEmpty());
        return new HashMap<>(attributes);
    }
}
