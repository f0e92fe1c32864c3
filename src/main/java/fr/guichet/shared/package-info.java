/**
 * The shared kernel: what every module may use (clock, locale, error policy, request origin).
 */
@org.springframework.modulith.ApplicationModule(displayName = "Shared kernel", type = org.springframework.modulith.ApplicationModule.Type.OPEN)
package fr.guichet.shared;
