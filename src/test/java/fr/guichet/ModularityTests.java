package fr.guichet;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModules;
import org.springframework.modulith.docs.Documenter;

/** Modules talk through their API and events only; the documentation is written from the code. */
class ModularityTests {

    static final ApplicationModules modules = ApplicationModules.of(GuichetApplication.class);

    /** Where docs/architecture.md takes its diagrams from: committed, so a reader sees them without a build. */
    private static final Path DOCUMENTED = Path.of("docs", "modules");

    private static final String REFRESH = "guichet.docs.refresh";

    @Test
    void modulesRespectTheirBoundaries() {
        modules.verify();
    }

    @Test
    void writesTheModuleDocumentation() {
        new Documenter(modules).writeDocumentation();
    }

    /**
     * The diagrams in docs/ are the ones the code draws today: a module, a dependency or an event
     * added without refreshing them fails here, and the message says how to refresh them.
     */
    @Test
    void theDiagramsInTheDocsAreTheOnesTheCodeHas() throws IOException {
        var generated = Files.createTempDirectory("modules");
        new Documenter(modules, Documenter.Options.defaults().withOutputFolder(generated.toString()))
                .writeModulesAsPlantUml()
                .writeIndividualModulesAsPlantUml();
        if (Boolean.getBoolean(REFRESH)) {
            refresh(generated);
        }
        assertThat(differences(generated))
                .as("docs/modules differs from the code: run ./mvnw test -Dtest=ModularityTests -D%s=true", REFRESH)
                .isEmpty();
    }

    private static List<String> differences(Path generated) throws IOException {
        var differences = new ArrayList<String>();
        for (var file : diagrams(generated)) {
            var documented = DOCUMENTED.resolve(file.getFileName());
            if (!Files.exists(documented) || !lines(documented).equals(lines(file))) {
                differences.add(file.getFileName() + " is new or changed");
            }
        }
        for (var file : diagrams(DOCUMENTED)) {
            if (!Files.exists(generated.resolve(file.getFileName()))) {
                differences.add(file.getFileName() + " is no longer drawn");
            }
        }
        return differences;
    }

    /** Compared line by line in any order: the order of the components and relations drawn means nothing. */
    private static List<String> lines(Path diagram) throws IOException {
        return Files.readAllLines(diagram).stream()
                .map(String::strip)
                .filter(l -> !l.isEmpty())
                .sorted()
                .toList();
    }

    private static void refresh(Path generated) throws IOException {
        Files.createDirectories(DOCUMENTED);
        for (var file : diagrams(DOCUMENTED)) {
            Files.delete(file);
        }
        for (var file : diagrams(generated)) {
            Files.copy(file, DOCUMENTED.resolve(file.getFileName()), StandardCopyOption.REPLACE_EXISTING);
        }
    }

    private static List<Path> diagrams(Path folder) throws IOException {
        if (!Files.isDirectory(folder)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(folder)) {
            return files.filter(f -> f.toString().endsWith(".puml")).sorted().toList();
        }
    }
}
