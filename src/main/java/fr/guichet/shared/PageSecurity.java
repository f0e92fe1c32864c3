package fr.guichet.shared;

import org.springframework.security.config.annotation.web.builders.HttpSecurity;

/**
 * What a module adds to the pages' filter chain beyond URL rules: another way to sign in (an
 * identity provider, a client certificate) belongs to the module that owns it, not to the chain.
 * Applied after the form sign-in, before the chain is built.
 */
public interface PageSecurity {

    void configure(HttpSecurity http) throws Exception;
}
