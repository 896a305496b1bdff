package dev.migrator.plan;

/** Names a step in output and reports: {@code table:assetStorageTable}. */
public record StepId(Kind kind, String name, String pointer) {

    public enum Kind { BUCKET, TABLE, USER_POOL }

    @Override
    public String toString() {
        return kind.name().toLowerCase().replace('_', '-') + ":" + name;
    }
}
