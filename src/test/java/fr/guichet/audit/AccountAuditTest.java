package fr.guichet.audit;

import static fr.guichet.support.People.GOOD_PASSWORD;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import fr.guichet.account.Accounts;
import fr.guichet.account.Civility;
import fr.guichet.support.IntegrationTest;
import fr.guichet.support.People;
import java.lang.reflect.Method;
import java.time.Duration;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.repository.CrudRepository;
import org.springframework.test.web.servlet.MockMvc;

@IntegrationTest
class AccountAuditTest {

    @Autowired
    MockMvc mvc;

    @Autowired
    Accounts accounts;

    @Autowired
    AuditTrail trail;

    @Test
    void signInsSuccessfulOrNotAreInTheTrailWithWhoWhenAndFromWhere() throws Exception {
        var email = People.uniqueEmail();
        accounts.createVerified(email, Civility.MADAME, "Lambert", "Rose", null, false, GOOD_PASSWORD);

        mvc.perform(post("/connexion")
                .with(csrf())
                .param("email", email)
                .param("password", "wrong password here")
                .with(request -> {
                    request.setRemoteAddr("192.0.2.10");
                    return request;
                }));
        mvc.perform(post("/connexion")
                .with(csrf())
                .param("email", email)
                .param("password", GOOD_PASSWORD)
                .with(request -> {
                    request.setRemoteAddr("192.0.2.11");
                    return request;
                }));

        await().atMost(Duration.ofSeconds(10))
                .until(() -> trail.findByTargetOrderByIdDesc(email, PageRequest.of(0, 10))
                                .size()
                        >= 2);
        var entries = trail.findByTargetOrderByIdDesc(email, PageRequest.of(0, 10));
        assertThat(entries).extracting(AuditEntry::action).containsExactly("SIGN_IN_SUCCEEDED", "SIGN_IN_FAILED");
        assertThat(entries).extracting(AuditEntry::sourceAddress).containsExactly("192.0.2.11", "192.0.2.10");
        assertThat(entries).allSatisfy(e -> {
            assertThat(e.actorAccountId()).isNotNull();
            assertThat(e.occurredAt()).isNotNull();
        });
    }

    @Test
    void aFailedSignInForAnUnknownAddressIsRecordedWithoutAnAccount() throws Exception {
        var unknown = People.uniqueEmail();

        mvc.perform(post("/connexion").with(csrf()).param("email", unknown).param("password", "whatever it is"));

        await().atMost(Duration.ofSeconds(10))
                .until(() -> !trail.findByTargetOrderByIdDesc(unknown, PageRequest.of(0, 1))
                        .isEmpty());
        var entry =
                trail.findByTargetOrderByIdDesc(unknown, PageRequest.of(0, 1)).get(0);
        assertThat(entry.action()).isEqualTo("SIGN_IN_FAILED");
        assertThat(entry.actorAccountId()).isNull();
    }

    @Test
    void aFailedSignInWithInvisibleCharactersInTheAddressIsRecordedWithoutThem() throws Exception {
        var unknown = People.uniqueEmail();

        mvc.perform(post("/connexion")
                .with(csrf())
                .param("email", "\u202E" + unknown + "\u0000")
                .param("password", "whatever it is"));

        // a NUL would fail the trail's insert on PostgreSQL, and its retry at every restart
        await().atMost(Duration.ofSeconds(10))
                .until(() -> !trail.findByTargetOrderByIdDesc(unknown, PageRequest.of(0, 1))
                        .isEmpty());
        assertThat(trail.findByTargetOrderByIdDesc(unknown, PageRequest.of(0, 1))
                        .get(0)
                        .action())
                .isEqualTo("SIGN_IN_FAILED");
    }

    @Test
    void theTrailHasNoWayToChangeOrDeleteAnEntry() {
        var methods = Arrays.stream(AuditTrail.class.getMethods())
                .map(Method::getName)
                .toList();
        assertThat(methods)
                .noneMatch(name -> name.startsWith("delete") || name.startsWith("update") || name.equals("saveAll"));
        assertThat(CrudRepository.class.isAssignableFrom(AuditTrail.class)).isFalse();
    }
}
