/**
 * The platform's one list of processes and ports.
 */
package org.dsmastery.topology;
