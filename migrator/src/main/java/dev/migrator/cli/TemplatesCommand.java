package dev.migrator.cli;

import dev.migrator.template.TemplateCatalog;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "templates", mixinStandardHelpOptions = true,
        description = "Lists the shipped MigrationSchema templates, one per upgrade path.",
        subcommands = {TemplatesCommand.Copy.class})
final class TemplatesCommand implements Callable<Integer> {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @CommandLine.Mixin
    CommonOptions common;

    @Override
    public Integer call() throws Exception {
        Output out = new Output(spec, common);
        var templates = new TemplateCatalog().list();
        if (common.json) {
            out.json(templates);
            return ExitCode.OK;
        }
        int width = templates.stream().mapToInt(t -> t.name().length()).max().orElse(0);
        for (TemplateCatalog.Template t : templates) {
            out.line(String.format("%-" + width + "s  %s", t.name(), t.summary()));
        }
        out.line("");
        out.line("copy one to fill in: migrator templates copy NAME [FILE]");
        return ExitCode.OK;
    }

    @Command(name = "copy", mixinStandardHelpOptions = true,
            description = "Writes a template to a file for you to fill in (the *_OldStack_* / *_NewStack_* placeholders).")
    static final class Copy implements Callable<Integer> {
        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Parameters(index = "0", paramLabel = "NAME", description = "Template name, as 'migrator templates' lists it.")
        String name;

        @Parameters(index = "1", arity = "0..1", paramLabel = "FILE",
                description = "Where to write it (default: the template's file name in the current directory).")
        Path file;

        @Option(names = "--force", description = "Overwrite FILE if it exists.")
        boolean force;

        @Override
        public Integer call() throws Exception {
            TemplateCatalog catalog = new TemplateCatalog();
            Optional<TemplateCatalog.Template> template = catalog.find(name);
            var err = spec.commandLine().getErr();
            if (template.isEmpty()) {
                err.println("error: no template named '" + name + "'; 'migrator templates' lists them");
                return ExitCode.INVALID_INPUT;
            }
            Path destination = file != null ? file : Path.of(template.get().file());
            if (Files.exists(destination) && !force) {
                err.println("error: " + destination + " exists; pass --force to overwrite it");
                return ExitCode.INVALID_INPUT;
            }
            Files.write(destination, catalog.content(template.get()));
            spec.commandLine().getOut().println("wrote " + destination + "; fill in the placeholders, then: migrator validate "
                    + destination);
            return ExitCode.OK;
        }
    }
}
