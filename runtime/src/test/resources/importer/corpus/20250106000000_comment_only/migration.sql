-- Nothing to do here: the change was reverted before release.
/* ; */
