/**
 * The shared kernel: what every module may use (clock, locale, error policy, request origin).
 * Open, and allowed to every module without being declared.
 */
@ApplicationModule(displayName = "Shared kernel", type = ApplicationModule.Type.OPEN)
package fr.guichet.shared;

import org.springframework.modulith.ApplicationModule;
