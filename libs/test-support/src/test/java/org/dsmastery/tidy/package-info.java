/**
 * A service shaped as the house hexagon wants it: every rule of {@code HouseRules}
 * passes.
 */
package org.dsmastery.tidy;
