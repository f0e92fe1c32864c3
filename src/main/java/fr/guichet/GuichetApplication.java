package fr.guichet;

import fr.guichet.shared.SearchIndexes;
import java.util.Arrays;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.modulith.Modulithic;

@SpringBootApplication
@ConfigurationPropertiesScan
@Modulithic(sharedModules = "shared")
public class GuichetApplication {

    public static void main(String[] args) {
        var application = new SpringApplication(GuichetApplication.class);
        if (Arrays.asList(args).contains(SearchIndexes.REBUILD_COMMAND)) {
            // a command, not a server: rebuild every search index from the database, then exit
            application.setWebApplicationType(WebApplicationType.NONE);
            System.exit(SpringApplication.exit(application.run(args)));
        }
        application.run(args);
    }
}
