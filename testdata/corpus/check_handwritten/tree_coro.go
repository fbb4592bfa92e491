// Written by hand.
package p
