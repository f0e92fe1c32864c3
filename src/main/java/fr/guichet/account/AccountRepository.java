package fr.guichet.account;

import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;

interface AccountRepository extends JpaRepository<Account, Long> {

    /** Takes the normalised value of an {@link EmailAddress}. */
    Optional<Account> findByEmail(String email);

    boolean existsByEmail(String email);

    default Optional<Account> findByEmail(EmailAddress email) {
        return findByEmail(email.value());
    }

    default boolean existsByEmail(EmailAddress email) {
        return existsByEmail(email.value());
    }
}
