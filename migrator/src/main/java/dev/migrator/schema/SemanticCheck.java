package dev.migrator.schema;

import com.fasterxml.jackson.databind.JsonNode;
import dev.migrator.model.BucketPair;
import dev.migrator.model.ByteSize;
import dev.migrator.model.MigrationOptions;
import dev.migrator.model.MigrationSchema;
import dev.migrator.model.NonEmptyTargetPolicy;
import dev.migrator.model.PairLocation;
import dev.migrator.model.StackSpec;
import dev.migrator.model.TablePair;
import dev.migrator.model.UserPoolPair;
import dev.migrator.transform.Transform;
import dev.migrator.transform.ValueMapReference;
import java.nio.file.Files;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * The checks a JSON Schema cannot express: regions, naming rules, source differs from target,
 * no target named twice, map references that name real pairs. Values still holding a template
 * placeholder are left to {@link PlaceholderCheck}.
 */
final class SemanticCheck {
    private final MigrationSchema schema;
    private final JsonNode root;
    private final Set<String> placeholders;
    private final ProblemCollector problems;

    SemanticCheck(MigrationSchema schema, JsonNode root, Set<String> placeholders, ProblemCollector problems) {
        this.schema = schema;
        this.root = root;
        this.placeholders = placeholders;
        this.problems = problems;
    }

    void run() {
        if (schema.resourceCount() == 0) {
            problems.error("", "nothing to migrate: no buckets, tables, user pools or Redis databases are listed",
                    "add at least one pair; 'migrator templates' lists ready-made schemas");
        }
        new StackCheck(root, problems).check(schema.source(), schema.target());
        checkBuckets();
        checkTables();
        checkUserPools();
        new RedisCheck(problems, placeholders).check(schema.redis(), inlinePasswords());
        checkTransforms();
    }

    /** The pointers of Redis endpoints that write a password into the file (the model never carries one). */
    private Set<String> inlinePasswords() {
        Set<String> at = new java.util.HashSet<>();
        JsonNode pairs = root.path("redis");
        for (int i = 0; i < pairs.size(); i++) {
            for (String side : List.of("source", "target")) {
                if (pairs.get(i).path(side).has("password")) {
                    at.add("/redis/" + i + "/" + side);
                }
            }
        }
        return at;
    }

    private void checkBuckets() {
        for (BucketPair pair : schema.buckets()) {
            name(pair.at().source(), pair.source(), NamingRules::bucketProblem);
            name(pair.at().target(), pair.target(), NamingRules::bucketProblem);
            sameResource(pair.at(), pair.source(), pair.target(), sameS3(), "bucket");
        }
        if (!schema.buckets().isEmpty() && !sameS3()) {
            problems.error("/target", "bucket pairs are copied server-side (CopyObject through the target's S3), which needs "
                            + "both stacks on one S3 service, but the source and target S3 endpoints differ",
                    "give both stacks the same S3 endpoint (in AWS, leave \"endpoint\" out: any region works)");
        }
        checkSizes();
        unique(schema.buckets(), BucketPair::target, p -> p.at().target(), "bucket", "target of");
        unique(schema.buckets(), BucketPair::name, p -> p.at().pair(), "bucket pair name", "name of");
    }

    private void checkSizes() {
        MigrationOptions options = schema.options();
        if (options.multipartThreshold() > MigrationOptions.MAX_PART_SIZE) {
            problems.error("/options/multipartThreshold", "multipartThreshold is " + ByteSize.format(options.multipartThreshold())
                    + " but CopyObject copies at most 5 GiB", "use 5GiB or less (the default is 5GiB)");
        }
        long part = options.multipartPartSize();
        if (part < MigrationOptions.MIN_PART_SIZE || part > MigrationOptions.MAX_PART_SIZE) {
            problems.error("/options/multipartPartSize", "multipartPartSize is " + ByteSize.format(part)
                    + " but S3 parts are 5 MiB to 5 GiB", "use a size from 5MiB to 5GiB (the default is 256MiB)");
        }
    }

    private void checkTables() {
        for (TablePair pair : schema.tables()) {
            name(pair.at().source(), pair.source(), NamingRules::tableProblem);
            name(pair.at().target(), pair.target(), NamingRules::tableProblem);
            sameResource(pair.at(), pair.source(), pair.target(), sameDynamo(), "table");
            if (!pair.seededKeys().isEmpty() && pair.ifTargetNotEmpty() == NonEmptyTargetPolicy.OVERWRITE) {
                problems.warning(pair.at().pair() + "/seededKeys", "seededKeys have no effect when ifTargetNotEmpty is overwrite",
                        "remove seededKeys, or use ifTargetNotEmpty refuse to keep the empty-target guard");
            }
            pair.export().ifPresent(export -> {
                if (export.exportArn().isEmpty() == !export.start()) {
                    problems.error(export.pointer(), export.start() ? "export names both a finished export (exportArn) and start: true"
                                    : "export names no finished export (exportArn) and does not start one",
                            "give \"exportArn\" of a finished export of " + pair.source() + ", or \"start\": true, not both");
                } else if (!export.exportArn().isEmpty() && !export.exportArn().contains(":table/" + pair.source() + "/export/")) {
                    problems.error(export.pointer() + "/exportArn", "export " + export.exportArn() + " is not an export of the source table "
                            + pair.source(), "name an export of table " + pair.source() + " (aws dynamodb list-exports --table-arn ...)");
                }
            });
        }
        unique(schema.tables(), TablePair::target, p -> p.at().target(), "table", "target of");
        unique(schema.tables(), TablePair::name, p -> p.at().pair(), "table pair name", "name of");
    }

    private void checkUserPools() {
        for (UserPoolPair pair : schema.userPools()) {
            poolId(pair.at().source(), pair.source(), schema.source());
            poolId(pair.at().target(), pair.target(), schema.target());
            sameResource(pair.at(), pair.source(), pair.target(), sameCognito(), "user pool");
        }
        unique(schema.userPools(), UserPoolPair::target, p -> p.at().target(), "user pool", "target of");
        unique(schema.userPools(), UserPoolPair::name, p -> p.at().pair(), "user pool pair name", "name of");
    }

    private void checkTransforms() {
        List<String> bucketNames = schema.buckets().stream().map(BucketPair::name).toList();
        List<String> poolNames = schema.userPools().stream().map(UserPoolPair::name).toList();
        for (TablePair table : schema.tables()) {
            if (schema.format() != dev.migrator.model.SchemaFormat.VAMS) {
                TransformConflicts.check(table.transforms(), problems); // VAMS renames are checked as they are read
            }
            for (Transform t : table.transforms()) {
                if (t instanceof Transform.MapValue map) {
                    checkMapReference(map, bucketNames, poolNames);
                }
                if (t instanceof Transform.Rename r && r.to().text().startsWith(r.from().text() + ".")) {
                    problems.error(t.pointer() + "/to", "cannot rename '" + r.from() + "' into itself ('" + r.to() + "')",
                            "copy it to the new path, then remove the old one");
                }
            }
        }
    }

    private void checkMapReference(Transform.MapValue map, List<String> buckets, List<String> pools) {
        String at = map.pointer() + "/using";
        if (map.using() instanceof ValueMapReference.S3VersionIds ref && !buckets.contains(ref.bucketName())) {
            problems.error(at, "no bucket pair is named '" + ref.bucketName() + "'",
                    "name one of the bucket pairs: " + String.join(", ", buckets));
        } else if (map.using() instanceof ValueMapReference.CognitoSubs ref && !pools.contains(ref.userPoolName())) {
            problems.error(at, "no user pool pair is named '" + ref.userPoolName() + "'",
                    pools.isEmpty() ? "add the user pool pair under \"userPools\"" : "name one of: " + String.join(", ", pools));
        } else if (map.using() instanceof ValueMapReference.MapFile ref && !Files.isReadable(ref.file())) {
            problems.error(at, "map file " + ref.file() + " does not exist or cannot be read",
                    "give a path relative to the schema file, holding a JSON object of old to new values");
        }
    }

    private void name(String pointer, String value, Function<String, String> rule) {
        if (placeholders.contains(pointer)) {
            return;
        }
        String problem = rule.apply(value);
        if (problem != null) {
            problems.error(pointer, problem, "use the resource's exact name as AWS shows it");
        }
    }

    private void poolId(String pointer, String id, StackSpec stack) {
        if (placeholders.contains(pointer)) {
            return;
        }
        try {
            String region = NamingRules.userPoolRegion(id);
            if (!region.equals(stack.region())) {
                problems.error(pointer, "user pool " + id + " is in " + region + " but the " + stack.role()
                        + " stack's region is " + stack.region(), "use a pool of the " + stack.role() + " stack's region");
            }
        } catch (IllegalArgumentException e) {
            problems.error(pointer, e.getMessage(), "copy the pool id from the Cognito console or list-user-pools");
        }
    }

    private void sameResource(PairLocation at, String source, String target, boolean sameService, String kind) {
        if (sameService && source.equals(target) && !placeholders.contains(at.target())) {
            problems.error(at.target(), "source and target are the same " + kind + " '" + source + "'",
                    "name the " + kind + " of Stack B as the target");
        }
    }

    private <T> void unique(List<T> pairs, Function<T, String> key, Function<T, String> pointer, String kind, String role) {
        Map<String, String> firstAt = new HashMap<>();
        for (T pair : pairs) {
            String at = pointer.apply(pair);
            if (placeholders.contains(at)) {
                continue;
            }
            String previous = firstAt.putIfAbsent(key.apply(pair), at);
            if (previous != null) {
                problems.error(at, kind + " '" + key.apply(pair) + "' is already the " + role + " " + previous,
                        "each " + kind + " may appear once; remove the duplicate or name a different one");
            }
        }
    }

    private boolean sameS3() {
        return StackCheck.sameEndpoint(schema.source(), schema.target(), StackSpec.ServiceEndpoints::s3);
    }

    private boolean sameDynamo() {
        return schema.source().region().equals(schema.target().region())
                && StackCheck.sameEndpoint(schema.source(), schema.target(), StackSpec.ServiceEndpoints::dynamodb);
    }

    private boolean sameCognito() {
        return StackCheck.sameEndpoint(schema.source(), schema.target(), StackSpec.ServiceEndpoints::cognito);
    }
}
