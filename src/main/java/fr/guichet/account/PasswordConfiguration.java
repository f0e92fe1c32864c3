package fr.guichet.account;

import java.util.Map;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.crypto.argon2.Argon2PasswordEncoder;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.crypto.password.DelegatingPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;

/** The password hashing of every account: in the root, since `Accounts` hashes with it and a nested room may not be its provider. */
@Configuration(proxyBeanMethods = false)
class PasswordConfiguration {

    /**
     * Argon2id (OWASP's parameters: 16 MiB, 2 passes) for new hashes; hashes of another id or
     * older parameters are upgraded at the next sign-in, so the cost can be raised later.
     */
    @Bean
    PasswordEncoder passwordEncoder() {
        var argon2 = Argon2PasswordEncoder.defaultsForSpringSecurity_v5_8();
        return new DelegatingPasswordEncoder("argon2", Map.of("argon2", argon2, "bcrypt", new BCryptPasswordEncoder()));
    }
}
