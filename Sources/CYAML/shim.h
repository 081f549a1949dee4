#ifndef RESPOND_CYAML_SHIM_H
#define RESPOND_CYAML_SHIM_H

#include <yaml.h>

#endif
