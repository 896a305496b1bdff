package dev.migrator.engine;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;

/** A few source units of a step, before and after its transforms (or why the transforms failed). */
public record Sample(StepId step, List<Item> items) {
    public Sample {
        items = List.copyOf(items);
    }

    /** One unit as JSON; {@code after} is null when {@code failure} says why. */
    public record Item(JsonNode before, JsonNode after, String failure) {}
}
