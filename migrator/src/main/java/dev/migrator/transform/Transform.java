package dev.migrator.transform;

/**
 * One declared change applied to every item of a table on its way to the target, in schema order.
 * New kinds (a lookup in another table, one item producing items in another table) join this
 * sealed family without touching the existing ones.
 */
public sealed interface Transform
        permits Transform.Rename, Transform.Remove, Transform.SetValue, Transform.Copy,
                Transform.Format, Transform.Coalesce, Transform.MapValue {

    /** JSON pointer of the transform in the schema file. */
    String pointer();

    /** Moves an attribute (VAMS {@code attributes} from/to entries load as renames). */
    record Rename(AttributePath from, AttributePath to, String pointer) implements Transform {}

    record Remove(AttributePath path, String pointer) implements Transform {}

    /** Sets a constant, given in DynamoDB JSON so its type is exact. */
    record SetValue(AttributePath path, com.fasterxml.jackson.databind.JsonNode value, String pointer)
            implements Transform {}

    record Copy(AttributePath from, AttributePath to, String pointer) implements Transform {}

    /** Builds a string from a template such as {@code "{prefix}{assetId}/"}. */
    record Format(AttributePath path, FormatTemplate template, java.util.Map<String, String> values, String pointer)
            implements Transform {}

    /** The first of several paths that holds a non-null value, else the default (if any). */
    record Coalesce(AttributePath path, java.util.List<AttributePath> from,
                    java.util.Optional<com.fasterxml.jackson.databind.JsonNode> defaultValue, String pointer)
            implements Transform {
        public Coalesce {
            from = java.util.List.copyOf(from);
        }
    }

    /** Rewrites values through a map (old S3 version id to new, old Cognito sub to new, a file). */
    record MapValue(AttributePath path, ValueMapReference using, OnMissing onMissing, String pointer)
            implements Transform {}

    /** What a map transform does with a value the map does not hold. */
    enum OnMissing { KEEP, FAIL, REMOVE }
}
