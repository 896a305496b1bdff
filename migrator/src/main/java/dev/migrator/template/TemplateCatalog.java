package dev.migrator.template;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** The MigrationSchema templates shipped in the jar ({@code templates/index.json} lists them). */
public final class TemplateCatalog {
    private static final String ROOT = "templates/";

    /** One template: a short name, its file name and a one-line summary. */
    public record Template(String name, String file, String summary) {}

    public List<Template> list() {
        try (InputStream in = open("index.json")) {
            JsonNode index = new ObjectMapper().readTree(in);
            List<Template> templates = new ArrayList<>();
            index.forEach(t -> templates.add(new Template(t.path("name").asText(), t.path("file").asText(),
                    t.path("summary").asText())));
            return templates;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A template by its name or file name. */
    public Optional<Template> find(String nameOrFile) {
        return list().stream().filter(t -> t.name().equals(nameOrFile) || t.file().equals(nameOrFile)).findFirst();
    }

    public byte[] content(Template template) {
        try (InputStream in = open(template.file())) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static InputStream open(String name) throws IOException {
        InputStream in = TemplateCatalog.class.getClassLoader().getResourceAsStream(ROOT + name);
        if (in == null) {
            throw new IOException("template resource " + ROOT + name + " is missing from this build");
        }
        return in;
    }
}
