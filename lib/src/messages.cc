#include "plancheck/messages.h"

namespace plancheck {

namespace {
#define PLANCHECK_MESSAGE(id, vi, en) msg::id,
constexpr MessageText kLibraryMessages[] = {
#include "plancheck/messages.inc"
};
#undef PLANCHECK_MESSAGE
}  // namespace

std::span<const MessageText> library_messages() { return kLibraryMessages; }

}  // namespace plancheck
