#include "config.h"
#include "syscalls/freebsd/fbsd_handlers.h"
