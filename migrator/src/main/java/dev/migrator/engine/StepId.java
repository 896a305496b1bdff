package dev.migrator.engine;

import com.fasterxml.jackson.annotation.JsonValue;

/** Names a step in output and reports: {@code table:assetStorageTable}. */
public record StepId(Kind kind, String name, String pointer) {

    /**
     * The kind of store a step copies, declared by its {@link StoreModule}: {@code name} as reports write it
     * ({@code USER_POOL}), {@code label} in step names ({@code user-pool:users}), {@code filePrefix} in the state
     * directory's file names ({@code userpool-users.jsonl}), {@code noun} in sentences ({@code user pool}),
     * {@code unit} as plans count ({@code user(s)}).
     */
    public record Kind(String name, String label, String filePrefix, String noun, String unit) {
        @JsonValue
        public String json() {
            return name;
        }

        @Override
        public String toString() {
            return label;
        }
    }

    /** The step's own file-name stem in the state directory: {@code table-assetStorageTable}. */
    public String slug() {
        return kind.filePrefix() + "-" + name;
    }

    @Override
    public String toString() {
        return kind.label() + ":" + name;
    }
}
