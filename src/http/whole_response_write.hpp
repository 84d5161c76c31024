// Included by server.cpp before RESTinio: a response goes to the socket in one sendmsg.
//
// RESTinio writes a response with asio::async_write(socket, buffers, handler). Its default
// completion condition (transfer_all) hands the socket at most 64 KB per write, so a larger
// response, such as a page of 100 customers (67 KB), took two sendmsg calls, and the second
// waited for the next turn of the event loop: one more system call, and one more wake-up of the
// client, per page. This overload of asio::async_write for RESTinio's plain TCP socket and its
// buffer list is found instead of asio's generic one (it is more specialized, and RESTinio names
// asio::async_write qualified, so it must be declared before RESTinio's headers). It writes with
// a completion condition that lets each write take all that is left; the kernel still takes only
// what fits in the socket's send buffer, and asio writes the rest when the socket is writable,
// as before.
#pragma once

#include <asio/ip/tcp.hpp>
#include <asio/write.hpp>

#include <cstddef>
#include <limits>
#include <system_error>
#include <utility>
#include <vector>

namespace csphub::http {

// asio completion condition: after an error nothing more; otherwise as much as is left.
struct TransferAllAtOnce {
  std::size_t operator()(const std::error_code& error, std::size_t /*transferred*/) const {
    return error ? 0 : std::numeric_limits<std::size_t>::max();
  }
};

}  // namespace csphub::http

namespace asio {

template <typename WriteToken>
auto async_write(basic_stream_socket<ip::tcp, any_io_executor>& socket,
                 const std::vector<const_buffer>& buffers, WriteToken&& token,
                 constraint<true>::type = 0) {
  return asio::async_write(socket, buffers, csphub::http::TransferAllAtOnce{},
                           std::forward<WriteToken>(token));
}

}  // namespace asio
