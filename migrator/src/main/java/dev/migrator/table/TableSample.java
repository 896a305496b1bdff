package dev.migrator.table;

import com.fasterxml.jackson.databind.JsonNode;
import dev.migrator.plan.StepId;
import java.util.List;

/** A few source items of a table pair, before and after its transforms (or why the transforms failed). */
public record TableSample(StepId step, List<Item> items) {
    public TableSample {
        items = List.copyOf(items);
    }

    /** One item in DynamoDB JSON; {@code after} is null when {@code failure} says why. */
    public record Item(JsonNode before, JsonNode after, String failure) {}
}
