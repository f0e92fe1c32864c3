package fr.guichet.shared;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A field that binds exactly as sent, not cleaned by {@link CleanText}: a password, which is never
 * shown nor stored as text, and must match at sign-in (which no binder cleans) what was chosen.
 */
@Target({ElementType.FIELD, ElementType.PARAMETER, ElementType.RECORD_COMPONENT})
@Retention(RetentionPolicy.RUNTIME)
public @interface Verbatim {}
