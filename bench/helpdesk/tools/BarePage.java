package bench;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.stereotype.Controller;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The reference point of the pages benchmark: a bare Spring Boot page with one JPA query, on the same
 * database and JVM as the application, in the same run. GET /bare?e=ESTABLISHMENT lists that
 * establishment's 10 newest tickets (number, title, status, date) through a Thymeleaf template: no
 * security, no session, no layout, no index. Run from its compiled class beside the application's
 * libraries minus security, sessions, Flyway, Hibernate Search, actuator and Modulith (run.sh does it),
 * so that Spring Boot configures only the web, JPA and Thymeleaf.
 */
@SpringBootApplication
public class BarePage {

    public static void main(String[] args) {
        SpringApplication.run(BarePage.class, args);
    }

    @Entity(name = "BareTicket")
    @Table(name = "ticket")
    public static class BareTicket {
        @Id
        private Long id;

        private String title;

        private String status;

        @Column(name = "created_at")
        private Instant createdAt;

        @Column(name = "establishment_id")
        private Long establishmentId;

        public Long getId() {
            return id;
        }

        public String getTitle() {
            return title;
        }

        public String getStatus() {
            return status;
        }

        public Instant getCreatedAt() {
            return createdAt;
        }
    }

    @Controller
    public static class Page {
        private final EntityManager entityManager;

        Page(EntityManager entityManager) {
            this.entityManager = entityManager;
        }

        @GetMapping("/bare")
        @Transactional(readOnly = true)
        public String bare(@RequestParam("e") long establishment, Model model) {
            model.addAttribute("tickets", entityManager
                    .createQuery("select t from BareTicket t where t.establishmentId = :e order by t.id desc",
                            BareTicket.class)
                    .setParameter("e", establishment)
                    .setMaxResults(10)
                    .getResultList());
            return "bare";
        }
    }
}
