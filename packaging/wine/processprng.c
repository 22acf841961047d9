/* TESTS ONLY, never shipped in dist/: Rust's standard library asks Windows
 * 10's bcryptprimitives.dll for ProcessPrng, which Wine 8 lacks. This stand-in,
 * put beside sentra.exe in the Wine test prefix only, forwards to
 * RtlGenRandom (SystemFunction036 in advapi32), which Wine has. */
#include <windows.h>

BOOLEAN WINAPI SystemFunction036(PVOID buffer, ULONG length);

__declspec(dllexport) BOOL WINAPI ProcessPrng(PBYTE data, SIZE_T length)
{
    while (length > 0) {
        ULONG n = length > 0x10000000 ? 0x10000000 : (ULONG)length;
        if (!SystemFunction036(data, n))
            return FALSE;
        data += n;
        length -= n;
    }
    return TRUE;
}
