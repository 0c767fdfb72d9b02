/**
 * A service that breaks each rule of {@code HouseRules.hexagon} once, and has a package
 * cycle.
 */
package org.dsmastery.tangled;
