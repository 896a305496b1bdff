package dev.migrator.model;

/** What a step does when its target already holds data. */
public enum NonEmptyTargetPolicy {
    /** Refuse to write (the default): the target must be empty, or hold only declared seeded keys. */
    REFUSE("refuse"),
    /** Write over whatever is there. */
    OVERWRITE("overwrite"),
    /** Leave existing items or objects as they are; copy the rest. */
    SKIP_EXISTING("skip-existing");

    private final String jsonName;

    NonEmptyTargetPolicy(String jsonName) {
        this.jsonName = jsonName;
    }

    public String jsonName() {
        return jsonName;
    }

    public static NonEmptyTargetPolicy fromJson(String value) {
        for (NonEmptyTargetPolicy p : values()) {
            if (p.jsonName.equals(value)) {
                return p;
            }
        }
        throw new IllegalArgumentException("unknown policy " + value);
    }
}
