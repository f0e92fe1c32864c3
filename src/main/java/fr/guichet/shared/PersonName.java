package fr.guichet.shared;

import jakarta.validation.Constraint;
import jakarta.validation.Payload;
import jakarta.validation.ReportAsSingleViolation;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/** Letters of any alphabet, with spaces, hyphens, apostrophes and dots between them; blank passes. */
@Constraint(validatedBy = {})
@Target({ElementType.FIELD, ElementType.PARAMETER})
@Retention(RetentionPolicy.RUNTIME)
@Size(max = 100)
@Pattern(regexp = "^$|^\\p{L}[\\p{L}\\p{M} '’.\\-]*$")
@ReportAsSingleViolation
public @interface PersonName {

    String message() default "{validation.person-name}";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};
}
