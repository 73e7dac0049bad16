# Writes a C++ source holding a file's bytes: cmake -DINPUT=... -DOUTPUT=... -DSYMBOL=... -P this.
# Used to build the default deck into the executable as its last-resort content.
file(READ "${INPUT}" hex HEX)
string(LENGTH "${hex}" hex_length)
math(EXPR size "${hex_length} / 2")
string(REGEX REPLACE "([0-9a-f][0-9a-f])" "'\\\\x\\1'," bytes "${hex}")
string(REGEX REPLACE "(([^,]*,){16})" "\\1\n" bytes "${bytes}")
file(WRITE "${OUTPUT}.tmp" "// Generated from ${INPUT}; do not edit.\n#include <cstddef>\nnamespace kiosk {\nextern const char ${SYMBOL}_data[];\nextern const std::size_t ${SYMBOL}_size;\nconst char ${SYMBOL}_data[] = {\n${bytes}0};\nconst std::size_t ${SYMBOL}_size = ${size};\n}\n")
file(RENAME "${OUTPUT}.tmp" "${OUTPUT}")
