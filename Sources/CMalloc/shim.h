// <malloc.h>, which Swift's Glibc module leaves out: mallopt for the executable.
#include <malloc.h>
