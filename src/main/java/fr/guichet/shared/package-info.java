/**
 * The shared kernel: what every module may use (clock, locale, error policy, request origin).
 * Open, and allowed to every module without being declared.
 */
@ApplicationModule(displayName = "Shared kernel", type = ApplicationModule.Type.OPEN)
@NullMarked
package fr.guichet.shared;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
